package com.kingstonexpress.messaging.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.messaging.draft.domain.OrderFacts;
import com.kingstonexpress.messaging.draft.domain.ReplyDraft;
import com.kingstonexpress.messaging.draft.domain.ReplyDrafter;
import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.domain.OrderType;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Drafts for each order situation of the seller guide, and every draft passes the reply check. */
class ReplyDrafterTest {

    private static final ReplyDrafter DRAFTER = new ReplyDrafter();
    private static final ReplyChecker CHECKER = new ReplyChecker();
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-28T09:00:00Z");

    private static OrderFacts facts(OrderType type, OrderStatus status, String latest, Set<AttentionFlag> attention, List<String> slowdowns,
            boolean escalating) {
        boolean tracked = status == OrderStatus.SHIPPED || status == OrderStatus.IN_TRANSIT || status == OrderStatus.DELIVERED;
        return new OrderFacts("KX-1042", type, status, "STANDARD", tracked ? "royal-parcel" : null, tracked ? "RP123456789GB" : null,
                latest, AT, attention, slowdowns, escalating);
    }

    private static OrderFacts facts(OrderType type, OrderStatus status) {
        return facts(type, status, status.name(), Set.of(), List.of(), false);
    }

    private static ReplyDraft draftThatPassesTheCheck(OrderFacts facts) {
        ReplyDraft draft = DRAFTER.draft(facts);
        assertEquals(List.of(), CHECKER.check(draft.body()), "the draft passes the reply check:\n" + draft.body());
        assertTrue(draft.body().startsWith("Hello, and thank you for your message about order KX-1042."), draft.body());
        return draft;
    }

    @Test
    void aNewOrderIsQueuedWithAnEstimateNotADate() {
        ReplyDraft draft = draftThatPassesTheCheck(facts(OrderType.KINGSTON_DISPATCHED, OrderStatus.NEW));
        assertTrue(draft.statusMeaning().contains("queued at the Kingston Express fulfilment centre"), draft.statusMeaning());
        assertTrue(draft.estimate().contains("2-4 working days") && draft.estimate().contains("an estimate, not a guarantee"), draft.estimate());
        assertTrue(draft.nextStep().contains("You don't need to do anything"), draft.nextStep());
    }

    @Test
    void aProcessingSellerManagedOrderIsBeingPrepared() {
        ReplyDraft draft = draftThatPassesTheCheck(facts(OrderType.SELLER_MANAGED, OrderStatus.PROCESSING));
        assertEquals("We are preparing your order now.", draft.statusMeaning());
        assertTrue(draft.body().contains("\"being prepared\", recorded 28 November 2026 at 09:00 UTC"), draft.body());
        assertTrue(draft.nextStep().contains("I will send you the tracking details"), draft.nextStep());
    }

    @Test
    void aShippedOrderNamesTheCarrierAndTrackingNumber() {
        ReplyDraft draft = draftThatPassesTheCheck(facts(OrderType.SELLER_MANAGED, OrderStatus.SHIPPED, "TRACKING_ADDED", Set.of(), List.of(), false));
        assertTrue(draft.statusMeaning().contains("handed to Royal Parcel"), draft.statusMeaning());
        assertTrue(draft.body().contains("The tracking number is RP123456789GB with Royal Parcel."), draft.body());
        assertTrue(draft.latestUpdate().contains("tracking number added"), draft.latestUpdate());
        assertTrue(draft.estimate().contains("typically take 2-4 working days from dispatch"), draft.estimate());
    }

    @Test
    void anOrderInTransitNeedsNothingFromTheCustomer() {
        ReplyDraft draft = draftThatPassesTheCheck(facts(OrderType.KINGSTON_DISPATCHED, OrderStatus.IN_TRANSIT));
        assertEquals("Your order is on its way with Royal Parcel.", draft.statusMeaning());
        assertTrue(draft.nextStep().contains("keeping an eye on the tracking"), draft.nextStep());
    }

    @Test
    void aCustomsHoldGivesNoEstimateAndLetsTheProcessWork() {
        ReplyDraft draft = draftThatPassesTheCheck(facts(OrderType.KINGSTON_DISPATCHED, OrderStatus.IN_TRANSIT, "CUSTOMS_HOLD",
                Set.of(AttentionFlag.CUSTOMS_HOLD), List.of(), false));
        assertTrue(draft.statusMeaning().contains("with customs"), draft.statusMeaning());
        assertTrue(draft.latestUpdate().contains("held at customs"), draft.latestUpdate());
        assertNull(draft.estimate(), "no window can be estimated while customs hold the parcel");
        assertTrue(draft.nextStep().contains("You don't need to do anything"), draft.nextStep());
    }

    @Test
    void aSlowdownIsPassedOnInThePlatformsWordsAndWidensTheEstimate() {
        String note = "Deliveries in Greater London will be back to normal on Monday; parcels are taking up to two extra days.";
        ReplyDraft draft = draftThatPassesTheCheck(facts(OrderType.KINGSTON_DISPATCHED, OrderStatus.IN_TRANSIT, "IN_TRANSIT", Set.of(),
                List.of(note), false));
        assertTrue(draft.slowdown().contains("\"" + note + "\""), draft.slowdown());
        assertTrue(draft.estimate().endsWith("The slowdown may add to that."), draft.estimate());
    }

    @Test
    void aDeliveredOrderSaysWhereToLookAndWhoToAsk() {
        ReplyDraft dispatched = draftThatPassesTheCheck(facts(OrderType.KINGSTON_DISPATCHED, OrderStatus.DELIVERED));
        assertEquals("Our records show your order as delivered.", dispatched.statusMeaning());
        assertNull(dispatched.estimate());
        assertTrue(dispatched.nextStep().contains("Kingston Express Support to look into order KX-1042"), dispatched.nextStep());
        ReplyDraft sellerManaged = draftThatPassesTheCheck(facts(OrderType.SELLER_MANAGED, OrderStatus.DELIVERED));
        assertTrue(sellerManaged.nextStep().contains("look into it with the carrier"), sellerManaged.nextStep());
    }

    @Test
    void aCancelledOrderIsNotSentAndTheCustomerMayAskAboutTheRefund() {
        ReplyDraft draft = draftThatPassesTheCheck(facts(OrderType.SELLER_MANAGED, OrderStatus.CANCELLED));
        assertEquals("This order has been cancelled, so it will not be sent.", draft.statusMeaning());
        assertNull(draft.estimate());
        assertTrue(draft.nextStep().contains("refund"), draft.nextStep());
    }

    @Test
    void aStaleStatusOrAnEscalatingCustomerGoesToSupportWithTheOrderId() {
        ReplyDraft stale = draftThatPassesTheCheck(facts(OrderType.KINGSTON_DISPATCHED, OrderStatus.SHIPPED, "SHIPPED",
                Set.of(AttentionFlag.STATUS_NOT_UPDATING), List.of(), false));
        assertTrue(stale.nextStep().contains("Kingston Express Support for order KX-1042"), stale.nextStep());
        ReplyDraft escalating = draftThatPassesTheCheck(facts(OrderType.SELLER_MANAGED, OrderStatus.IN_TRANSIT, "IN_TRANSIT", Set.of(),
                List.of(), true));
        assertTrue(escalating.nextStep().startsWith("I am sorry this has been frustrating."), escalating.nextStep());
        assertTrue(escalating.nextStep().contains("order KX-1042"), escalating.nextStep());
    }

    @Test
    void aFailedAttemptOrAnAddressIssueAsksTheCustomerForWhatIsMissing() {
        ReplyDraft failed = draftThatPassesTheCheck(facts(OrderType.SELLER_MANAGED, OrderStatus.IN_TRANSIT, "DELIVERY_ATTEMPT_FAILED",
                Set.of(AttentionFlag.DELIVERY_ATTEMPT_FAILED), List.of(), false));
        assertTrue(failed.latestUpdate().contains("a delivery attempt that did not succeed"), failed.latestUpdate());
        assertTrue(failed.nextStep().startsWith("Could you confirm your address"), failed.nextStep());
        ReplyDraft address = draftThatPassesTheCheck(facts(OrderType.SELLER_MANAGED, OrderStatus.PROCESSING, "ADDRESS_ISSUE",
                Set.of(AttentionFlag.ADDRESS_ISSUE), List.of(), false));
        assertTrue(address.nextStep().contains("full delivery address"), address.nextStep());
    }

    @Property(tries = 300)
    void everyDraftPassesTheReplyCheck(@ForAll OrderType type, @ForAll OrderStatus status, @ForAll("updates") String latest,
            @ForAll("flags") Set<AttentionFlag> attention, @ForAll("methods") String method, @ForAll("carriers") String carrier,
            @ForAll boolean slowdown, @ForAll boolean escalating) {
        OrderFacts facts = new OrderFacts("order-" + status.ordinal(), type, status, method, carrier, carrier == null ? null : "TN-0001",
                latest, AT, attention, slowdown ? List.of("Parcels in Scotland are taking up to three extra days.") : List.of(), escalating);
        String body = DRAFTER.draft(facts).body();
        assertEquals(List.of(), CHECKER.check(body), body);
    }

    @Provide
    Arbitrary<String> updates() {
        return Arbitraries.of("NEW", "PROCESSING", "SHIPPED", "IN_TRANSIT", "DELIVERED", "CANCELLED", "TRACKING_ADDED", "CUSTOMS_HOLD",
                "CUSTOMS_HOLD_CLEARED", "DELIVERY_ATTEMPT_FAILED", "DELIVERY_ATTEMPT_FAILED_CLEARED", "ADDRESS_ISSUE", "STATUS_NOT_UPDATING")
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<Set<AttentionFlag>> flags() {
        return Arbitraries.of(AttentionFlag.class).set();
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("STANDARD", "EXPRESS", "INTERNATIONAL", "LOCAL_DELIVERY").injectNull(0.1);
    }

    @Provide
    Arbitrary<String> carriers() {
        return Arbitraries.of("royal-parcel", "dpd", "evri", "ups", "parcelforce").injectNull(0.2);
    }
}
