package com.kingstonexpress.order.guard.domain;

import static com.kingstonexpress.order.guard.domain.Snapshots.WITH_PROOF_OF_DELIVERY;
import static com.kingstonexpress.order.guard.domain.Snapshots.WITH_TRACKING;
import static com.kingstonexpress.order.guard.domain.Snapshots.order;
import static com.kingstonexpress.order.guard.domain.Snapshots.ready;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;

/**
 * The guard, without Quarkus: an explicit table for every type x status x action of a "ready" order, the
 * prerequisites and conditions that change a decision, and invariants checked over EVERY combination of
 * type x status x condition set x actor x action x address/tracking/evidence x request input x shipping method.
 */
class OrderGuardTest {

    private static final OrderGuard GUARD = new OrderGuard();
    private static final String OK = "OK";
    private static final SellerAction[] COLUMNS = SellerAction.values();

    /**
     * Expected decisions for an order whose address is confirmed and which has tracking and delivery evidence,
     * with no conditions. Columns: START_PROCESSING, CONFIRM_ADDRESS, ADD_TRACKING, MARK_SHIPPED,
     * MARK_IN_TRANSIT, MARK_DELIVERED, CANCEL, REFUND, RESEND.
     */
    private static final Map<OrderType, Map<OrderStatus, String>> TABLE = Map.of(
            OrderType.KINGSTON_DISPATCHED, Map.of(
                    OrderStatus.NEW, "HO HO HO HO HO HO OK NSY NSY",
                    OrderStatus.PROCESSING, "HO HO HO HO HO HO DKE_NC NSY NSY",
                    OrderStatus.SHIPPED, "HO HO HO HO HO HO LTPW LTPW LTPW",
                    OrderStatus.IN_TRANSIT, "HO HO HO HO HO HO LTPW LTPW LTPW",
                    OrderStatus.DELIVERED, "HO HO HO HO HO HO TERM OK OK",
                    OrderStatus.CANCELLED, "HO HO HO HO HO HO TERM TERM TERM"),
            OrderType.SELLER_MANAGED, Map.of(
                    OrderStatus.NEW, "OK OK STEP STEP STEP STEP OK NSY NSY",
                    OrderStatus.PROCESSING, "STEP OK OK OK STEP STEP OK NSY NSY",
                    OrderStatus.SHIPPED, "STEP STEP OK STEP OK OK SM_NC OK OK",
                    OrderStatus.IN_TRANSIT, "STEP STEP OK STEP STEP OK SM_NC OK OK",
                    OrderStatus.DELIVERED, "TERM TERM TERM TERM TERM TERM TERM OK OK",
                    OrderStatus.CANCELLED, "TERM TERM TERM TERM TERM TERM TERM TERM TERM"));

    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "HO", "DKE_HANDS_OFF_STATUS", "DKE_NC", "DKE_NO_CANCEL_AFTER_PROCESSING", "LTPW", "LET_THE_PROCESS_WORK",
            "STEP", "SM_STEP_ORDER", "SM_NC", "SM_NO_CANCEL_AFTER_SHIPPED", "TERM", "ORDER_TERMINAL",
            "NSY", "NOTHING_SHIPPED_YET", OK, OK);

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        TABLE.forEach((type, byStatus) -> byStatus.forEach((status, cells) -> {
            String[] expected = cells.split(" ");
            for (int i = 0; i < COLUMNS.length; i++) {
                rows.add(Arguments.of(type, status, COLUMNS[i], ABBREVIATIONS.get(expected[i])));
            }
        }));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("table")
    void everyTypeStatusAndActionOfAReadyOrder(OrderType type, OrderStatus status, SellerAction action, String expected) {
        assertEquals(expected, outcome(GUARD.decide(ready(type, status, Set.of()), ActorKind.SELLER, action, ActionInput.NONE)));
    }

    @Test
    void theTableCoversEveryTypeAndStatus() {
        for (OrderType type : OrderType.values()) {
            assertEquals(EnumSet.allOf(OrderStatus.class), EnumSet.copyOf(TABLE.get(type).keySet()));
        }
    }

    @Test
    void sellerManagedShippingNeedsAConfirmedAddressWithoutIssue() {
        OrderSnapshot unconfirmed = order(OrderType.SELLER_MANAGED, OrderStatus.PROCESSING).tracked().build();
        assertEquals("SM_ADDRESS_NOT_CONFIRMED", outcome(GUARD.decide(unconfirmed, ActorKind.SELLER, SellerAction.MARK_SHIPPED, WITH_TRACKING)));
        OrderSnapshot issue = order(OrderType.SELLER_MANAGED, OrderStatus.PROCESSING)
                .conditions(Set.of(Condition.ADDRESS_ISSUE)).addressConfirmed().tracked().build();
        assertEquals("SM_ADDRESS_NOT_CONFIRMED", outcome(GUARD.decide(issue, ActorKind.SELLER, SellerAction.MARK_SHIPPED, ActionInput.NONE)));
    }

    @Test
    void sellerManagedShippingNeedsTrackingExceptForLocalDelivery() {
        OrderSnapshot noTracking = order(OrderType.SELLER_MANAGED, OrderStatus.PROCESSING)
                .shipping(ShippingMethod.EXPRESS).addressConfirmed().build();
        assertEquals("SM_TRACKING_REQUIRED", outcome(GUARD.decide(noTracking, ActorKind.SELLER, SellerAction.MARK_SHIPPED, ActionInput.NONE)));
        assertEquals(OK, outcome(GUARD.decide(noTracking, ActorKind.SELLER, SellerAction.MARK_SHIPPED, WITH_TRACKING)));
        OrderSnapshot local = order(OrderType.SELLER_MANAGED, OrderStatus.PROCESSING)
                .shipping(ShippingMethod.LOCAL_DELIVERY).addressConfirmed().build();
        assertEquals(OK, outcome(GUARD.decide(local, ActorKind.SELLER, SellerAction.MARK_SHIPPED, ActionInput.NONE)));
    }

    @Test
    void sellerManagedDeliveryNeedsEvidence() {
        for (OrderStatus status : List.of(OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT)) {
            OrderSnapshot noEvidence = order(OrderType.SELLER_MANAGED, status).addressConfirmed().tracked().build();
            assertEquals("SM_DELIVERY_NOT_CONFIRMED", outcome(GUARD.decide(noEvidence, ActorKind.SELLER, SellerAction.MARK_DELIVERED, ActionInput.NONE)));
            assertEquals(OK, outcome(GUARD.decide(noEvidence, ActorKind.SELLER, SellerAction.MARK_DELIVERED, WITH_PROOF_OF_DELIVERY)));
        }
    }

    @Test
    void dispatchedOrdersUnderCustomsHoldOrSlowdownLetTheProcessWork() {
        for (Condition c : List.of(Condition.CUSTOMS_HOLD, Condition.PLATFORM_SLOWDOWN)) {
            for (OrderStatus status : List.of(OrderStatus.NEW, OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT)) {
                for (SellerAction action : List.of(SellerAction.CANCEL, SellerAction.REFUND, SellerAction.RESEND)) {
                    assertEquals("LET_THE_PROCESS_WORK", outcome(GUARD.decide(ready(OrderType.KINGSTON_DISPATCHED, status, Set.of(c)),
                            ActorKind.SELLER, action, ActionInput.NONE)), c + " " + status + " " + action);
                }
            }
            // Once delivered the process is over: a refund is the seller's call again.
            assertEquals(OK, outcome(GUARD.decide(ready(OrderType.KINGSTON_DISPATCHED, OrderStatus.DELIVERED, Set.of(c)),
                    ActorKind.SELLER, SellerAction.REFUND, ActionInput.NONE)));
        }
    }

    @Test
    void onlySupportAgentsCorrectAndOnlyToAnotherStatus() {
        OrderSnapshot shipped = ready(OrderType.KINGSTON_DISPATCHED, OrderStatus.SHIPPED, Set.of());
        for (ActorKind actor : ActorKind.values()) {
            for (OrderStatus target : OrderStatus.values()) {
                String expected = actor != ActorKind.SUPPORT_AGENT ? "SUPPORT_AGENT_ONLY"
                        : target == OrderStatus.SHIPPED ? "CORRECTION_SAME_STATUS" : OK;
                assertEquals(expected, outcome(GUARD.decideCorrection(shipped, actor, target)), actor + " -> " + target);
            }
        }
    }

    @Test
    void invariantsHoldForEveryCombination() {
        int checked = 0;
        List<Set<Condition>> conditionSets = allSubsets();
        for (OrderType type : OrderType.values()) {
            for (OrderStatus status : OrderStatus.values()) {
                for (Set<Condition> conditions : conditionSets) {
                    for (ShippingMethod method : List.of(ShippingMethod.STANDARD, ShippingMethod.LOCAL_DELIVERY)) {
                        for (int facts = 0; facts < 8; facts++) {
                            OrderSnapshot order = order(type, status).conditions(conditions).shipping(method)
                                    .addressConfirmed((facts & 1) != 0).tracked((facts & 2) != 0).deliveryEvidence((facts & 4) != 0).build();
                            for (ActorKind actor : ActorKind.values()) {
                                checkOptions(order, actor);
                                for (SellerAction action : SellerAction.values()) {
                                    for (int in = 0; in < 4; in++) {
                                        ActionInput input = new ActionInput((in & 1) != 0, (in & 2) != 0);
                                        checkInvariants(order, actor, action, input, GUARD.decide(order, actor, action, input));
                                        checked++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(2 * 6 * 32 * 2 * 8 * 6 * 9 * 4, checked);
    }

    private static void checkOptions(OrderSnapshot order, ActorKind actor) {
        List<ActionOption> options = GUARD.options(order, actor);
        assertEquals(SellerAction.values().length, options.size());
        for (ActionOption option : options) {
            assertEquals(GUARD.decide(order, actor, option.action(), ActionInput.NONE), option.decision());
        }
    }

    private static void checkInvariants(OrderSnapshot o, ActorKind actor, SellerAction action, ActionInput input, Decision d) {
        String where = o + " " + actor + " " + action + " " + input;
        if (d instanceof Decision.Refused r) {
            assertFalse(r.reason().isBlank(), where);
            assertFalse(r.hint().isBlank(), where);
        }
        if (actor != ActorKind.SELLER) {
            assertEquals("SELLER_ACTION_ONLY", outcome(d), where);
            return;
        }
        boolean dispatched = o.type() == OrderType.KINGSTON_DISPATCHED;
        if (dispatched && action != SellerAction.CANCEL && action != SellerAction.REFUND && action != SellerAction.RESEND) {
            assertEquals("DKE_HANDS_OFF_STATUS", outcome(d), where);
        }
        if (o.status() == OrderStatus.CANCELLED) {
            assertFalse(d.allowed(), where);
        }
        if (o.status() == OrderStatus.DELIVERED && d.allowed()) {
            assertTrue(action == SellerAction.REFUND || action == SellerAction.RESEND, where);
        }
        if (!d.allowed()) {
            return;
        }
        boolean letTheProcessWork = o.status().isOnItsWay() || o.has(Condition.CUSTOMS_HOLD) || o.has(Condition.PLATFORM_SLOWDOWN);
        if (dispatched) {
            assertFalse(letTheProcessWork && o.status() != OrderStatus.DELIVERED, where);
            if (action == SellerAction.CANCEL) {
                assertEquals(OrderStatus.NEW, o.status(), where);
            }
        }
        switch (action) {
            case START_PROCESSING -> assertEquals(OrderStatus.NEW, o.status(), where);
            case MARK_SHIPPED -> {
                assertEquals(OrderStatus.PROCESSING, o.status(), where);
                assertTrue(o.addressConfirmed() && !o.has(Condition.ADDRESS_ISSUE), where);
                assertTrue(o.hasTracking() || input.bringsTracking() || o.shippingMethod() == ShippingMethod.LOCAL_DELIVERY, where);
            }
            case MARK_IN_TRANSIT -> assertEquals(OrderStatus.SHIPPED, o.status(), where);
            case MARK_DELIVERED -> {
                assertTrue(o.status().isOnItsWay(), where);
                assertTrue(o.hasDeliveryEvidence() || input.bringsProofOfDelivery(), where);
            }
            case CANCEL -> assertFalse(o.status().hasShipped(), where);
            case REFUND, RESEND -> assertTrue(o.status().hasShipped(), where);
            default -> {
            }
        }
        if (!dispatched) {
            // "Act early if seller-managed": only an address issue holds a seller-managed order back.
            Set<Condition> others = EnumSet.noneOf(Condition.class);
            others.addAll(o.conditions());
            others.remove(Condition.ADDRESS_ISSUE);
            assertTrue(others.isEmpty() || GUARD.decide(order(o.type(), o.status()).shipping(o.shippingMethod())
                    .addressConfirmed(o.addressConfirmed()).tracked(o.hasTracking()).deliveryEvidence(o.hasDeliveryEvidence()).build(),
                    actor, action, input).allowed(), where);
        }
    }

    private static List<Set<Condition>> allSubsets() {
        Condition[] all = Condition.values();
        List<Set<Condition>> subsets = new ArrayList<>();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<Condition> s = EnumSet.noneOf(Condition.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    s.add(all[i]);
                }
            }
            subsets.add(s);
        }
        return subsets;
    }

    private static String outcome(Decision d) {
        return d instanceof Decision.Refused r ? r.rule().name() : OK;
    }
}
