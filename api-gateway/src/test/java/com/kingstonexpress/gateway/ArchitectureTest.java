package com.kingstonexpress.gateway;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void followsTheGatewayArchitecture() {
        // The OpenAPI merge rules work on Jackson trees: a plain library, no framework.
        ArchitectureRules.forGateway("com.kingstonexpress.gateway").domainMayUse("com.fasterxml.jackson..").verify();
    }
}
