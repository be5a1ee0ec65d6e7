package com.kingstonexpress.gateway.edge.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InFlightCounterTest {

    @Test
    void capsEachKeyAndForgetsItWhenNothingIsInProgress() {
        InFlightCounter counter = new InFlightCounter();
        assertTrue(counter.tryAcquire("a", 2));
        assertTrue(counter.tryAcquire("a", 2));
        assertFalse(counter.tryAcquire("a", 2));
        assertTrue(counter.tryAcquire("b", 2), "keys are independent");
        counter.release("a");
        assertTrue(counter.tryAcquire("a", 2));
        counter.release("a");
        counter.release("a");
        counter.release("b");
        assertEquals(0, counter.size());
        counter.release("never-taken");
        assertEquals(0, counter.inFlight("never-taken"));
    }
}
