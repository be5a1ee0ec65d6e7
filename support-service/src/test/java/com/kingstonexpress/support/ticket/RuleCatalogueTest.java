package com.kingstonexpress.support.ticket;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.RuleCatalogue;
import com.kingstonexpress.support.ticket.domain.TicketRule;

class RuleCatalogueTest {

    @Test
    void docsListEveryTicketRuleWithItsNextStep() {
        Map<String, List<String>> rows = RuleCatalogue.rows();
        for (TicketRule rule : TicketRule.values()) {
            rows.put(rule.id(), List.of(rule.hint()));
        }
        RuleCatalogue.verify("support-service", "| rule id | next step |", rows);
    }
}
