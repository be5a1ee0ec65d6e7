package com.kingstonexpress.fulfillment.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Row counts for "nothing was stored" and "exactly once" checks. */
@ApplicationScoped
public class Tables {

    @Inject
    EntityManager em;

    /** {@code count(*)} of a query with positional parameters, in its own transaction. */
    public long count(String sql, Object... parameters) {
        return number("count(*) FROM " + sql, parameters);
    }

    /** The one number a query selects, e.g. {@code number("version FROM shipment WHERE order_id = ?1", id)}. */
    public long number(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery("SELECT " + sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Everything a webhook could have written: history, rejections, signatures, outbox. */
    public long everythingStored() {
        return count("tracking_event") + count("rejected_event") + count("webhook_signature") + count("kx_outbox");
    }

    /** One statement with positional parameters, committed in its own transaction (to stage rows a test needs). */
    public void execute(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }
}
