package com.kingstonexpress.messaging.reply;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.messaging.reply.domain.ReplyRule;
import com.kingstonexpress.platform.testing.RuleCatalogue;

class RuleCatalogueTest {

    @Test
    void docsListEveryReplyRuleWithItsSeverityAndReason() {
        Map<String, List<String>> rows = RuleCatalogue.rows();
        for (ReplyRule rule : ReplyRule.values()) {
            rows.put(rule.name(), List.of(rule.severity().name(), rule.reason()));
        }
        RuleCatalogue.verify("messaging-service", "| rule id | severity | why |", rows);
    }
}
