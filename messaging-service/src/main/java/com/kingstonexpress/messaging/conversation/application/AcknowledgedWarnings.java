package com.kingstonexpress.messaging.conversation.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.kingstonexpress.messaging.reply.domain.ReplyRule;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.problem.Problems;

/** The rule ids a seller acknowledges: only warnings can be; a blocking rule id or an unknown one is bad input. */
final class AcknowledgedWarnings {

    private AcknowledgedWarnings() {
    }

    static Set<ReplyRule> read(List<String> ruleIds) {
        Set<ReplyRule> rules = new LinkedHashSet<>();
        List<Problems.Violation> violations = new ArrayList<>();
        for (int i = 0; i < ruleIds.size(); i++) {
            String id = ruleIds.get(i);
            ReplyRule rule = Arrays.stream(ReplyRule.values()).filter(r -> r.name().equals(id)).findFirst().orElse(null);
            if (rule == null || !rule.overridable()) {
                violations.add(new Problems.Violation("acknowledgedWarnings[" + i + "]", rule == null
                        ? "unknown rule id " + id
                        : id + " blocks the reply and cannot be acknowledged"));
            } else {
                rules.add(rule);
            }
        }
        if (!violations.isEmpty()) {
            String warnings = Arrays.stream(ReplyRule.values()).filter(ReplyRule::overridable).map(Enum::name)
                    .collect(Collectors.joining(", "));
            throw new ProblemException(Problems.invalid("Only warning rule ids (" + warnings + ") can be acknowledged.", violations));
        }
        return rules;
    }
}
