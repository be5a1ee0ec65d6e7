package com.kingstonexpress.order.incidents.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.kingstonexpress.order.incidents.domain.Slowdown;
import com.kingstonexpress.order.orders.persistence.OrderEntity;

/** Answers "is this order covered by an active platform-wide slowdown right now?". */
@ApplicationScoped
public class Slowdowns {

    public List<Slowdown> active(Instant now) {
        return IncidentEntity.unresolved().stream().filter(s -> s.isActiveAt(now)).toList();
    }

    public boolean covers(OrderEntity order, Instant now) {
        return covers(active(now), order, now);
    }

    public static boolean covers(List<Slowdown> slowdowns, OrderEntity order, Instant now) {
        return slowdowns.stream().anyMatch(s -> s.covers(order.deliveryAddress.region, order.deliveryAddress.country,
                order.trackingCarrier, now));
    }
}
