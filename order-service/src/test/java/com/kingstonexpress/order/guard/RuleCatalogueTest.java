package com.kingstonexpress.order.guard;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.order.guard.domain.Rule;
import com.kingstonexpress.platform.testing.RuleCatalogue;

class RuleCatalogueTest {

    @Test
    void docsListEveryGuardRuleWithItsNextStep() {
        Map<String, List<String>> rows = RuleCatalogue.rows();
        for (Rule rule : Rule.values()) {
            rows.put(rule.name(), List.of(rule.hint()));
        }
        RuleCatalogue.verify("order-service", "| rule id | next step for the seller |", rows);
    }
}
