package com.kingstonexpress.order.fulfillment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Reports in any order, any number of times: the status never goes back and ends at the furthest step reported. */
class FulfillmentProgressPropertiesTest {

    private static final FulfillmentProgress POLICY = new FulfillmentProgress();
    private static final List<OrderStatus> PATH = List.of(OrderStatus.NEW, OrderStatus.PROCESSING, OrderStatus.SHIPPED,
            OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED);

    @Property(tries = 500)
    void neverBackwardsAndEndsAtTheFurthestStep(@ForAll @Size(max = 25) List<FulfillmentEventType> reports) {
        OrderStatus status = OrderStatus.NEW;
        List<OrderStatus> transitions = new ArrayList<>();
        for (FulfillmentEventType type : reports) {
            Progress p = POLICY.apply(new ShipmentFacts(OrderType.KINGSTON_DISPATCHED, status, "center-1", null), report(type));
            if (p.newStatus() != null) {
                assertTrue(PATH.indexOf(p.newStatus()) > PATH.indexOf(status), status + " -> " + p.newStatus());
                status = p.newStatus();
                transitions.add(status);
            }
        }
        assertEquals(furthest(reports), status);
        assertEquals(transitions.stream().distinct().toList(), transitions, "each transition at most once");
    }

    @Property(tries = 300)
    void repeatingTheStreamChangesNothing(@ForAll @Size(max = 15) List<FulfillmentEventType> reports) {
        OrderStatus once = replay(OrderStatus.NEW, reports);
        assertEquals(once, replay(once, reports));
    }

    private static OrderStatus replay(OrderStatus start, List<FulfillmentEventType> reports) {
        OrderStatus status = start;
        for (FulfillmentEventType type : reports) {
            Progress p = POLICY.apply(new ShipmentFacts(OrderType.KINGSTON_DISPATCHED, status, "center-1", null), report(type));
            if (p.newStatus() != null) {
                status = p.newStatus();
            }
        }
        return status;
    }

    private static OrderStatus furthest(List<FulfillmentEventType> reports) {
        OrderStatus furthest = OrderStatus.NEW;
        for (FulfillmentEventType type : reports) {
            OrderStatus step = switch (type) {
                case PICKED, PACKED -> OrderStatus.PROCESSING;
                case HANDED_TO_CARRIER -> OrderStatus.SHIPPED;
                case IN_TRANSIT, OUT_FOR_DELIVERY -> OrderStatus.IN_TRANSIT;
                case DELIVERED -> OrderStatus.DELIVERED;
                default -> OrderStatus.NEW;
            };
            if (PATH.indexOf(step) > PATH.indexOf(furthest)) {
                furthest = step;
            }
        }
        return furthest;
    }

    private static StatusReport report(FulfillmentEventType type) {
        return new StatusReport(ReportSource.CENTER, "center-1", "e-" + type, type, false, "royal-parcel", "RP1", null);
    }
}
