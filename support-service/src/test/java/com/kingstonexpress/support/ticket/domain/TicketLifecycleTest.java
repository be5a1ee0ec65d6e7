package com.kingstonexpress.support.ticket.domain;

import static com.kingstonexpress.support.ticket.domain.TicketStatus.CLOSED;
import static com.kingstonexpress.support.ticket.domain.TicketStatus.IN_PROGRESS;
import static com.kingstonexpress.support.ticket.domain.TicketStatus.OPEN;
import static com.kingstonexpress.support.ticket.domain.TicketStatus.RESOLVED;
import static com.kingstonexpress.support.ticket.domain.TicketStatus.WAITING_ON_SELLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ticket state machine, exhaustively over status x status x actor. */
class TicketLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);

    /** Every allowed transition; everything else is refused. */
    private static final Set<String> ALLOWED = Set.of(
            "SUPPORT_AGENT OPEN->IN_PROGRESS", "SUPPORT_AGENT OPEN->WAITING_ON_SELLER", "SUPPORT_AGENT OPEN->RESOLVED",
            "SUPPORT_AGENT OPEN->CLOSED",
            "SUPPORT_AGENT IN_PROGRESS->WAITING_ON_SELLER", "SUPPORT_AGENT IN_PROGRESS->RESOLVED", "SUPPORT_AGENT IN_PROGRESS->CLOSED",
            "SUPPORT_AGENT WAITING_ON_SELLER->IN_PROGRESS", "SUPPORT_AGENT WAITING_ON_SELLER->RESOLVED",
            "SUPPORT_AGENT WAITING_ON_SELLER->CLOSED",
            "SUPPORT_AGENT RESOLVED->CLOSED",
            "OWNER RESOLVED->OPEN", "OWNER RESOLVED->CLOSED");

    @Test
    void exactlyTheTableIsAllowedAndEveryRefusalSaysWhyAndWhatNext() {
        int combinations = 0;
        for (TicketActor actor : TicketActor.values()) {
            for (TicketStatus from : TicketStatus.values()) {
                for (TicketStatus to : TicketStatus.values()) {
                    combinations++;
                    Instant resolvedAt = from == RESOLVED ? NOW.minus(Duration.ofDays(1)) : null;
                    Decision d = TicketLifecycle.decide(from, to, actor, resolvedAt, NOW, WINDOW);
                    String row = actor + " " + from + "->" + to;
                    assertEquals(ALLOWED.contains(row), d.allowed(), row);
                    if (!d.allowed()) {
                        assertNotNull(ruleOf(d), row);
                        assertNotNull(d.match(() -> null, Decision.Refused::reason, Decision.NotYourRole::reason), row);
                        assertNotNull(ruleOf(d).hint(), row);
                    }
                }
            }
        }
        assertEquals(50, combinations);
    }

    @ParameterizedTest(name = "{0} {1}->{2}: {3}")
    @CsvSource({
            "SUPPORT_AGENT, CLOSED, OPEN, TICKET_CLOSED",
            "OWNER, CLOSED, OPEN, TICKET_CLOSED",
            "SUPPORT_AGENT, IN_PROGRESS, IN_PROGRESS, TICKET_ALREADY_IN_STATUS",
            "SUPPORT_AGENT, RESOLVED, OPEN, TICKET_NO_GOING_BACK",
            "SUPPORT_AGENT, IN_PROGRESS, OPEN, TICKET_NO_GOING_BACK",
            "OWNER, IN_PROGRESS, OPEN, TICKET_REOPEN_ONLY_RESOLVED",
            "OWNER, OPEN, CLOSED, TICKET_CLOSE_ONLY_RESOLVED",
            "OWNER, OPEN, IN_PROGRESS, TICKET_AGENT_ONLY",
            "OWNER, WAITING_ON_SELLER, RESOLVED, TICKET_AGENT_ONLY",
    })
    void refusalsCarryTheirRule(TicketActor actor, TicketStatus from, TicketStatus to, TicketRule rule) {
        Decision d = TicketLifecycle.decide(from, to, actor, NOW, NOW, WINDOW);
        assertFalse(d.allowed());
        assertEquals(rule, ruleOf(d));
        assertEquals(rule == TicketRule.TICKET_AGENT_ONLY, d instanceof Decision.NotYourRole, "only role refusals are 403s");
    }

    @Test
    void theOwnerMayReopenUntilTheWindowEndsAndNotASecondLater() {
        Instant resolvedAt = NOW.minus(WINDOW);
        assertTrue(TicketLifecycle.decide(RESOLVED, OPEN, TicketActor.OWNER, resolvedAt, NOW, WINDOW).allowed());
        Decision late = TicketLifecycle.decide(RESOLVED, OPEN, TicketActor.OWNER, resolvedAt.minusSeconds(1), NOW, WINDOW);
        assertEquals(TicketRule.TICKET_REOPEN_WINDOW_PASSED, ruleOf(late));
        // The window is configuration: a shorter one closes sooner.
        assertFalse(TicketLifecycle.decide(RESOLVED, OPEN, TicketActor.OWNER, NOW.minusSeconds(7200), NOW, Duration.ofHours(1)).allowed());
    }

    @ParameterizedTest
    @CsvSource({ "OPEN, true, IN_PROGRESS", "IN_PROGRESS, true, IN_PROGRESS", "WAITING_ON_SELLER, true, WAITING_ON_SELLER",
            "RESOLVED, false, RESOLVED", "CLOSED, false, CLOSED" })
    void takingATicketStartsTheWorkOnAnActiveOne(TicketStatus status, boolean mayTake, TicketStatus after) {
        assertEquals(mayTake, TicketLifecycle.mayTake(status).allowed());
        if (mayTake) {
            assertEquals(after, TicketLifecycle.statusAfterTaking(status));
        }
    }

    @ParameterizedTest
    @CsvSource({ "OPEN, true, OPEN", "IN_PROGRESS, true, IN_PROGRESS", "WAITING_ON_SELLER, true, IN_PROGRESS",
            "RESOLVED, true, RESOLVED", "CLOSED, false, CLOSED" })
    void aSellersCommentHandsAWaitingTicketBackToTheAgent(TicketStatus status, boolean mayComment, TicketStatus after) {
        assertEquals(mayComment, TicketLifecycle.mayComment(status).allowed());
        assertEquals(after, TicketLifecycle.statusAfterSellerComment(status));
    }

    @Test
    void onlyResolvedAndClosedTicketsStopBlockingANewOne() {
        assertTrue(OPEN.isOpen());
        assertTrue(IN_PROGRESS.isOpen());
        assertTrue(WAITING_ON_SELLER.isOpen());
        assertFalse(RESOLVED.isOpen());
        assertFalse(CLOSED.isOpen());
    }

    /** The rule that refused, or null when the decision allows. */
    private static TicketRule ruleOf(Decision d) {
        return d.match(() -> null, Decision.Refused::rule, Decision.NotYourRole::rule);
    }
}
