package com.kingstonexpress.support.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.support.order.domain.AttentionFlag;
import com.kingstonexpress.support.order.domain.OrderFacts;
import com.kingstonexpress.support.order.domain.OrderStatus;
import com.kingstonexpress.support.order.domain.OrderType;

/** "Is support the right move?" for the cases docs/seller-guide.txt names, and the category/type fit. */
class SupportPreflightTest {

    @ParameterizedTest(name = "{0} {1} [{2}] {3} -> {4}")
    @CsvSource({
            // Knowing when NOT to act: a dispatchment order in transit or in customs.
            "KINGSTON_DISPATCHED, IN_TRANSIT, '', INCORRECT_ORDER_STATUS, NO_ACTION_NEEDED, LET_THE_PROCESS_WORK",
            "KINGSTON_DISPATCHED, IN_TRANSIT, '', DISPATCHMENT_ISSUE, NO_ACTION_NEEDED, LET_THE_PROCESS_WORK",
            "KINGSTON_DISPATCHED, SHIPPED, CUSTOMS_HOLD, OTHER, NO_ACTION_NEEDED, LET_THE_PROCESS_WORK",
            // A status that stopped updating is exactly what support is for, even in transit.
            "KINGSTON_DISPATCHED, IN_TRANSIT, STATUS_NOT_UPDATING, INCORRECT_ORDER_STATUS, CONTACT_SUPPORT, STATUS_NOT_UPDATING",
            "KINGSTON_DISPATCHED, SHIPPED, CUSTOMS_HOLD STATUS_NOT_UPDATING, DISPATCHMENT_ISSUE, CONTACT_SUPPORT, STATUS_NOT_UPDATING",
            "SELLER_MANAGED, PROCESSING, STATUS_NOT_UPDATING, INCORRECT_ORDER_STATUS, CONTACT_SUPPORT, STATUS_NOT_UPDATING",
            // An escalating customer always goes to support.
            "KINGSTON_DISPATCHED, IN_TRANSIT, CUSTOMS_HOLD, CUSTOMER_ESCALATION, CONTACT_SUPPORT, CUSTOMER_ESCALATING",
            "SELLER_MANAGED, NEW, ADDRESS_ISSUE, CUSTOMER_ESCALATION, CONTACT_SUPPORT, CUSTOMER_ESCALATING",
            // Other dispatchment situations: hands-off for the seller, support handles it.
            "KINGSTON_DISPATCHED, PROCESSING, '', DISPATCHMENT_ISSUE, CONTACT_SUPPORT, DISPATCHMENT_HANDS_OFF",
            "KINGSTON_DISPATCHED, DELIVERED, '', INCORRECT_ORDER_STATUS, CONTACT_SUPPORT, DISPATCHMENT_HANDS_OFF",
            // Seller-managed: the seller holds the fix for address and delivery problems ("Act early").
            "SELLER_MANAGED, PROCESSING, ADDRESS_ISSUE, OTHER, SELLER_ACTION_NEEDED, ACT_EARLY_SELLER_MANAGED",
            "SELLER_MANAGED, SHIPPED, DELIVERY_ATTEMPT_FAILED, OTHER, SELLER_ACTION_NEEDED, ACT_EARLY_SELLER_MANAGED",
            "SELLER_MANAGED, SHIPPED, DELIVERY_ATTEMPT_FAILED, INCORRECT_ORDER_STATUS, CONTACT_SUPPORT, SUPPORT_CAN_HELP",
            "SELLER_MANAGED, IN_TRANSIT, '', OTHER, CONTACT_SUPPORT, SUPPORT_CAN_HELP",
            // No dispatchment on a seller-managed order: that category does not apply.
            "SELLER_MANAGED, IN_TRANSIT, '', DISPATCHMENT_ISSUE, NOT_APPLICABLE, DISPATCHMENT_ISSUE_KINGSTON_DISPATCHED_ONLY",
            "SELLER_MANAGED, NEW, STATUS_NOT_UPDATING, DISPATCHMENT_ISSUE, NOT_APPLICABLE, DISPATCHMENT_ISSUE_KINGSTON_DISPATCHED_ONLY",
    })
    void advice(OrderType type, OrderStatus status, String flags, TicketCategory category, Recommendation expected, String ruleId) {
        Advice advice = SupportPreflight.advise(order(type, status, flags), category);
        assertEquals(expected, advice.recommendation());
        assertEquals(ruleId, advice.ruleId());
        assertFalse(advice.reason().isBlank());
    }

    @Test
    void everyOrderAndCategoryGetsAnAnswerAndOnlyTheCategoryTypeMismatchPredictsARefusal() {
        for (OrderType type : OrderType.values()) {
            for (OrderStatus status : OrderStatus.values()) {
                for (AttentionFlag flag : AttentionFlag.values()) {
                    for (TicketCategory category : TicketCategory.values()) {
                        Advice advice = SupportPreflight.advise(order(type, status, flag.name()), category);
                        boolean refused = !TicketOpeningPolicy.mayOpen(category, type).allowed();
                        assertEquals(refused, advice.recommendation() == Recommendation.NOT_APPLICABLE,
                                type + " " + status + " " + flag + " " + category);
                    }
                }
            }
        }
    }

    @Test
    void onlyDispatchmentIssuesOnSellerManagedOrdersAreRefused() {
        for (TicketCategory category : TicketCategory.values()) {
            assertEquals(true, TicketOpeningPolicy.mayOpen(category, OrderType.KINGSTON_DISPATCHED).allowed());
            assertEquals(category != TicketCategory.DISPATCHMENT_ISSUE,
                    TicketOpeningPolicy.mayOpen(category, OrderType.SELLER_MANAGED).allowed());
            // An order whose type is not known yet is taken at the category's word.
            assertEquals(true, TicketOpeningPolicy.mayOpen(category, null).allowed());
        }
    }

    @Test
    void escalationsAreHighPriorityAndEverythingElseNormal() {
        for (TicketCategory category : TicketCategory.values()) {
            assertEquals(category == TicketCategory.CUSTOMER_ESCALATION ? TicketPriority.HIGH : TicketPriority.NORMAL,
                    TicketPriority.of(category));
        }
        assertEquals(List.of(TicketPriority.HIGH, TicketPriority.NORMAL), Arrays.stream(TicketPriority.values())
                .sorted((a, b) -> Integer.compare(a.rank(), b.rank())).toList());
    }

    private static OrderFacts order(OrderType type, OrderStatus status, String flags) {
        Set<AttentionFlag> attention = flags.isBlank() ? EnumSet.noneOf(AttentionFlag.class)
                : Arrays.stream(flags.split(" ")).map(AttentionFlag::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(AttentionFlag.class)));
        return new OrderFacts("order-1", "seller-1", type, status, true, attention, List.of());
    }
}
