package com.kingstonexpress.gateway.openapi.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSamePathFromTwoServicesKeepsEachOperationOnceAndTagsAreMergedByName() throws Exception {
        ObjectNode gateway = (ObjectNode) JSON.readTree("""
                {"openapi":"3.1.0","info":{"title":"KX"},"servers":[{"url":"http://localhost:8080"}],
                 "tags":[{"name":"Dashboard"}],"paths":{"/api/v1/dashboard":{"get":{"operationId":"dashboard"}}}}""");
        JsonNode orders = JSON.readTree("""
                {"tags":[{"name":"Orders"},{"name":"Dashboard"}],
                 "paths":{"/api/v1/orders/{orderId}":{"get":{"operationId":"getOrder"},
                   "parameters":[{"name":"orderId","in":"path"}]}},
                 "components":{"schemas":{"Order":{"type":"object","properties":{"line":{"$ref":"#/components/schemas/Line"}}},
                   "Line":{"type":"object"}}}}""");
        JsonNode other = JSON.readTree("""
                {"paths":{"/api/v1/orders/{orderId}":{"get":{"operationId":"shadow"},"delete":{"operationId":"deleteOrder"}}},
                 "components":{"schemas":{"Line":{"type":"string"}}}}""");

        ObjectNode merged = OpenApiMerge.merge(gateway, List.of(OpenApiMerge.Source.of("order-service", orders),
                OpenApiMerge.Source.of("other-service", other), OpenApiMerge.Source.unavailable("down-service", "unreachable")));

        JsonNode path = merged.path("paths").path("/api/v1/orders/{orderId}");
        assertEquals("getOrder", path.path("get").path("operationId").asText(), "the first service's operation stands");
        assertEquals("order-service", path.path("get").path("x-kx-service").asText());
        assertEquals("deleteOrder", path.path("delete").path("operationId").asText());
        assertEquals("orderId", path.path("parameters").path(0).path("name").asText());
        assertEquals("string", merged.path("components").path("schemas").path("OtherServiceLine").path("type").asText());
        assertEquals("#/components/schemas/Line",
                merged.path("components").path("schemas").path("Order").path("properties").path("line").path("$ref").asText());
        assertEquals(2, merged.path("tags").size());
        assertFalse(merged.has("servers"));
        assertEquals("down-service", merged.path("x-kx-unavailable-services").path(0).asText());
        assertEquals("unavailable", merged.path("x-kx-sources").path(2).path("status").asText());
        assertEquals("included", merged.path("x-kx-sources").path(0).path("status").asText());
        assertEquals("dashboard", merged.path("paths").path("/api/v1/dashboard").path("get").path("operationId").asText());
    }

    @Test
    void prefixesAreTheServiceNameInPascalCase() {
        assertEquals("SupportService", OpenApiMerge.prefixOf("support-service"));
        assertEquals("OrderService", OpenApiMerge.prefixOf("order-service"));
    }
}
