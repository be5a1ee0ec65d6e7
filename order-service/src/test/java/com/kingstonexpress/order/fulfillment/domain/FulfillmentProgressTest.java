package com.kingstonexpress.order.fulfillment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;

class FulfillmentProgressTest {

    private static final FulfillmentProgress POLICY = new FulfillmentProgress();

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "PICKED, NEW, PROCESSING", "PACKED, NEW, PROCESSING", "PACKED, PROCESSING, ",
            "HANDED_TO_CARRIER, NEW, SHIPPED", "HANDED_TO_CARRIER, PROCESSING, SHIPPED", "HANDED_TO_CARRIER, IN_TRANSIT, ",
            "IN_TRANSIT, SHIPPED, IN_TRANSIT", "OUT_FOR_DELIVERY, SHIPPED, IN_TRANSIT", "OUT_FOR_DELIVERY, IN_TRANSIT, ",
            "DELIVERED, SHIPPED, DELIVERED", "DELIVERED, IN_TRANSIT, DELIVERED", "PICKED, IN_TRANSIT, ",
            "CUSTOMS_HOLD, IN_TRANSIT, ", "EXCEPTION, SHIPPED, ", "RETURNED_TO_SENDER, IN_TRANSIT, " })
    void dispatchedOrdersOnlyEverMoveForward(FulfillmentEventType type, OrderStatus status, OrderStatus expected) {
        Progress p = POLICY.apply(dispatched(status), center(type, false));
        assertFalse(p.isIgnored());
        assertEquals(expected, p.newStatus());
    }

    @Test
    void terminalOrdersAreLeftAlone() {
        for (OrderStatus terminal : Set.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED)) {
            for (FulfillmentEventType type : FulfillmentEventType.values()) {
                assertTrue(POLICY.apply(dispatched(terminal), center(type, false)).isIgnored());
            }
        }
    }

    @Test
    void centerEventsApplyOnlyToDispatchedOrdersOfThatCenter() {
        StatusReport fromOtherCenter = new StatusReport(ReportSource.CENTER, "center-elsewhere", "e1", FulfillmentEventType.PICKED,
                false, null, null, null);
        assertTrue(POLICY.apply(dispatched(OrderStatus.NEW), fromOtherCenter).isIgnored());
        ShipmentFacts sellerManaged = new ShipmentFacts(OrderType.SELLER_MANAGED, OrderStatus.NEW, null, null);
        assertTrue(POLICY.apply(sellerManaged, center(FulfillmentEventType.PICKED, false)).isIgnored());
    }

    @Test
    void carrierDeliveryIsEvidenceForSellerManagedOrdersNotAStatus() {
        ShipmentFacts shipped = new ShipmentFacts(OrderType.SELLER_MANAGED, OrderStatus.SHIPPED, null, "RP1");
        Progress p = POLICY.apply(shipped, carrier(FulfillmentEventType.DELIVERED, "RP1", false));
        assertTrue(p.deliveryEvidence());
        assertNull(p.newStatus());
        assertTrue(POLICY.apply(shipped, carrier(FulfillmentEventType.DELIVERED, "OTHER", false)).isIgnored());
    }

    @Test
    void handedToCarrierRecordsTracking() {
        StatusReport handed = new StatusReport(ReportSource.CENTER, "center-1", "e1", FulfillmentEventType.HANDED_TO_CARRIER,
                false, "royal-parcel", "RP1", null);
        assertTrue(POLICY.apply(dispatched(OrderStatus.PROCESSING), handed).recordTracking());
    }

    @Test
    void conditionsFollowCustomsAndFailedAttemptsButNotLateReports() {
        assertEquals(Set.of(Condition.CUSTOMS_HOLD), POLICY.apply(dispatched(OrderStatus.IN_TRANSIT), center(FulfillmentEventType.CUSTOMS_HOLD, false)).raise());
        assertEquals(Set.of(Condition.CUSTOMS_HOLD), POLICY.apply(dispatched(OrderStatus.IN_TRANSIT), center(FulfillmentEventType.CUSTOMS_CLEARED, false)).clear());
        assertEquals(Set.of(), POLICY.apply(dispatched(OrderStatus.IN_TRANSIT), center(FulfillmentEventType.CUSTOMS_HOLD, true)).raise());
        ShipmentFacts sm = new ShipmentFacts(OrderType.SELLER_MANAGED, OrderStatus.SHIPPED, null, "RP1");
        assertEquals(Set.of(Condition.DELIVERY_ATTEMPT_FAILED), POLICY.apply(sm, carrier(FulfillmentEventType.DELIVERY_ATTEMPT_FAILED, "RP1", false)).raise());
        assertTrue(POLICY.apply(dispatched(OrderStatus.IN_TRANSIT), center(FulfillmentEventType.DELIVERED, false)).clear()
                .containsAll(Set.of(Condition.CUSTOMS_HOLD, Condition.DELIVERY_ATTEMPT_FAILED)));
    }

    private static ShipmentFacts dispatched(OrderStatus status) {
        return new ShipmentFacts(OrderType.KINGSTON_DISPATCHED, status, "center-1", null);
    }

    private static StatusReport center(FulfillmentEventType type, boolean late) {
        return new StatusReport(ReportSource.CENTER, "center-1", "e-" + type, type, late, null, null, null);
    }

    private static StatusReport carrier(FulfillmentEventType type, String trackingNumber, boolean late) {
        return new StatusReport(ReportSource.CARRIER, "royal-parcel", "c-" + type, type, late, "royal-parcel", trackingNumber, null);
    }
}
