package com.kingstonexpress.order.guard.domain;

/** The guard's answer: allowed, or refused by a rule with a reason and the next sensible step. */
public sealed interface Decision permits Decision.Allowed, Decision.Refused {

    Allowed ALLOW = new Allowed();

    boolean allowed();

    record Allowed() implements Decision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    record Refused(Rule rule, String reason, String hint) implements Decision {
        @Override
        public boolean allowed() {
            return false;
        }
    }

    static Decision refuse(Rule rule, String reason) {
        return new Refused(rule, reason, rule.hint());
    }
}
