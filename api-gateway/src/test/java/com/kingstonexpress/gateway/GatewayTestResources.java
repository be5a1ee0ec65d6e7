package com.kingstonexpress.gateway;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the stub services for every test class of the module, so the gateway starts once with one
 * configuration (the same pattern as the services' TestInfrastructure).
 */
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = false)
public class GatewayTestResources {
}
