package com.kingstonexpress.messaging;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.ArchitectureRules;

/** The shared architecture; the language domain reads English with Apache OpenNLP, a plain library. */
class ArchitectureTest {

    @Test
    void followsTheServiceArchitecture() {
        ArchitectureRules.forService("com.kingstonexpress.messaging").domainMayUse("opennlp..").verify();
    }
}
