package com.kingstonexpress.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --replicas} as {@code deploy/local/run} reads it, and the instances it asks for (nothing is started). */
class ReplicasOptionTest {

    @TempDir
    Path data;

    @Test
    void theOptionNamesServicesAndCounts() {
        assertEquals(Map.of("order", 2, "fulfillment", 3), Main.replicas(new String[] { "--replicas", "order=2, fulfillment=3" }));
        assertEquals(Map.of("notification", 2), Main.replicas(new String[] { "--build", "--replicas=notification=2" }));
        assertEquals(Map.of(), Main.replicas(new String[] { "--infra-only" }));
        assertThrows(IllegalArgumentException.class, () -> Main.replicas(new String[] { "--replicas", "order" }));
        assertThrows(IllegalArgumentException.class, () -> Main.replicas(new String[] { "--replicas" }));
    }

    @Test
    void extraInstancesShareTheModuleAndDatabaseOnPortsOfTheirOwn() {
        LocalStack stack = new LocalStack(StackConfig.onFreePorts(Path.of("."), data), System.out).withReplicas(Map.of("order", 3));
        List<StackConfig.Service> orders = stack.instancesOf("order");
        assertEquals(List.of("order", "order-2", "order-3"), orders.stream().map(StackConfig.Service::name).toList());
        orders.forEach(s -> assertEquals("order-service", s.module()));
        orders.forEach(s -> assertEquals("kx_orders", s.database()));
        assertEquals(6, orders.stream().flatMap(s -> java.util.stream.Stream.of(s.port(), s.managementPort())).distinct().count());
        assertEquals(1, stack.instancesOf("support").size());
    }

    @Test
    void onlyServicesWithAtLeastOneInstance() {
        StackConfig config = StackConfig.onFreePorts(Path.of("."), data);
        assertThrows(IllegalArgumentException.class, () -> new LocalStack(config, System.out).withReplicas(Map.of("gateway", 2)));
        assertThrows(IllegalArgumentException.class, () -> new LocalStack(config, System.out).withReplicas(Map.of("billing", 2)));
        assertThrows(IllegalArgumentException.class, () -> new LocalStack(config, System.out).withReplicas(Map.of("order", 0)));
    }
}
