package com.kingstonexpress.gateway.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class InstancesTest {

    private static final URI A = URI.create("http://127.0.0.1:8081");
    private static final URI B = URI.create("http://127.0.0.1:8091");
    private static final URI C = URI.create("http://127.0.0.1:8092/");

    @Test
    void oneUrlIsOneInstance() {
        Instances one = Instances.parse("http://127.0.0.1:8081");
        assertEquals(List.of(A), one.inTurn());
        assertEquals(List.of(A), one.inTurn());
    }

    @Test
    void severalAreTakenInTurnEachFollowedByTheOthers() {
        Instances three = Instances.parse(" http://127.0.0.1:8081, http://127.0.0.1:8091 ,http://127.0.0.1:8092/,");
        assertEquals(List.of(A, B, C), three.all());
        assertEquals(List.of(A, B, C), three.inTurn());
        assertEquals(List.of(B, C, A), three.inTurn());
        assertEquals(List.of(C, A, B), three.inTurn());
        assertEquals(List.of(A, B, C), three.inTurn());
        assertEquals("http://127.0.0.1:8092", Instances.withoutTrailingSlash(C));
    }

    @Test
    void nothingOrARelativeUrlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Instances.parse(" , "));
        assertThrows(IllegalArgumentException.class, () -> Instances.parse("127.0.0.1:8081"));
    }
}
