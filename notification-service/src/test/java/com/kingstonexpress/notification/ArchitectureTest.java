package com.kingstonexpress.notification;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.ArchitectureRules;

/** The architecture every service follows (platform-testing's {@link ArchitectureRules}). */
class ArchitectureTest {

    @Test
    void followsTheServiceArchitecture() {
        ArchitectureRules.forService("com.kingstonexpress.notification").verify();
    }
}
