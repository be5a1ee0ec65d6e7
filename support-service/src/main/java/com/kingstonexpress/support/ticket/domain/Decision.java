package com.kingstonexpress.support.ticket.domain;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A rule's answer: allowed; refused by a rule about the ticket's state; or refused because the caller's role may
 * not ask for it at all (a seller asking for what only an agent may do). Every refusal names its rule, says why in
 * plain words and carries the rule's next sensible step.
 *
 * <p>Java 17 has no pattern switch over sealed types, so {@link #match} is the exhaustive case analysis: every
 * caller handles all three answers, and a new kind of answer breaks the build.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Refused, Decision.NotYourRole {

    Allowed ALLOW = new Allowed();

    <R> R match(Supplier<R> allowed, Function<Refused, R> refused, Function<NotYourRole, R> notYourRole);

    default boolean allowed() {
        return this instanceof Allowed;
    }

    static Decision refuse(TicketRule rule, String reason) {
        return new Refused(rule, reason);
    }

    static Decision notYourRole(TicketRule rule, String reason) {
        return new NotYourRole(rule, reason);
    }

    record Allowed() implements Decision {
        @Override
        public <R> R match(Supplier<R> allowed, Function<Refused, R> refused, Function<NotYourRole, R> notYourRole) {
            return allowed.get();
        }
    }

    record Refused(TicketRule rule, String reason) implements Decision {
        public String hint() {
            return rule.hint();
        }

        @Override
        public <R> R match(Supplier<R> allowed, Function<Refused, R> refused, Function<NotYourRole, R> notYourRole) {
            return refused.apply(this);
        }
    }

    record NotYourRole(TicketRule rule, String reason) implements Decision {
        public String hint() {
            return rule.hint();
        }

        @Override
        public <R> R match(Supplier<R> allowed, Function<Refused, R> refused, Function<NotYourRole, R> notYourRole) {
            return notYourRole.apply(this);
        }
    }
}
