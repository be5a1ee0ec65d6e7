package com.kingstonexpress.platform.problem;

/**
 * A business rule refused the request: 409 with the rule's stable id, the reason in plain language and
 * the next sensible step. The rules themselves live in the services; this is only how a refusal is said.
 */
public class RuleRefusalException extends ProblemException {

    public RuleRefusalException(String ruleId, String reason, String hint) {
        super(Problems.ruleRefused(ruleId, reason, hint));
    }
}
