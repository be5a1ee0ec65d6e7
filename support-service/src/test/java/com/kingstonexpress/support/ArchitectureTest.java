package com.kingstonexpress.support;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.ArchitectureRules;

/** The shared service architecture: roles, a plain-Java domain, no HTTP outside api, no hand-built problems. */
class ArchitectureTest {

    @Test
    void followsTheServiceArchitecture() {
        ArchitectureRules.forService("com.kingstonexpress.support").verify();
    }
}
