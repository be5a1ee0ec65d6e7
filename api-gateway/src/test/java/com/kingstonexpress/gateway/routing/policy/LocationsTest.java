package com.kingstonexpress.gateway.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LocationsTest {

    private static final String SERVICE = "http://10.0.0.5:8081";

    @Test
    void theServicesOwnLinkMovesOntoThePublicUrl() {
        assertEquals("https://api.example/api/v1/orders/o-1",
                Locations.rewrite(SERVICE + "/api/v1/orders/o-1", SERVICE, Optional.of("https://api.example/")));
    }

    @Test
    void withoutAPublicUrlTheLinkIsRelative() {
        assertEquals("/api/v1/orders/o-1?x=1", Locations.rewrite(SERVICE + "/api/v1/orders/o-1?x=1", SERVICE, Optional.empty()));
        assertEquals("/", Locations.rewrite(SERVICE, SERVICE, Optional.empty()));
    }

    @Test
    void otherLinksAreLeftAlone() {
        assertEquals("https://carrier.example/t/1", Locations.rewrite("https://carrier.example/t/1", SERVICE, Optional.empty()));
        assertEquals("/relative", Locations.rewrite("/relative", SERVICE, Optional.of("https://api.example")));
        assertEquals(SERVICE + "0/x", Locations.rewrite(SERVICE + "0/x", SERVICE, Optional.empty()));
    }
}
