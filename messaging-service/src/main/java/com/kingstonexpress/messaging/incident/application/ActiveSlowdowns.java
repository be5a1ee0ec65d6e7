package com.kingstonexpress.messaging.incident.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.messaging.incident.persistence.PlatformIncident;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;

/** The platform-wide delivery slowdowns covering an order now: unresolved, in their window, and matching its scope. */
@ApplicationScoped
public class ActiveSlowdowns {

    @Inject
    Clock clock;

    public List<PlatformIncident> covering(OrderProjection order) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return PlatformIncident.unresolved().stream()
                .filter(i -> i.activeAt(now) && i.scope().covers(order.country, order.region, order.carrier))
                .toList();
    }
}
