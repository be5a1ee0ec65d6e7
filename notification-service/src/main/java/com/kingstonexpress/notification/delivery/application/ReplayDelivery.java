package com.kingstonexpress.notification.delivery.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.kingstonexpress.notification.config.NotificationConfig;
import com.kingstonexpress.notification.delivery.events.Dispatcher;
import com.kingstonexpress.notification.delivery.persistence.DeliveryStore;
import com.kingstonexpress.platform.problem.ProblemException;

/**
 * A seller sends a parked (FAILED) delivery again, with a fresh retry window. The replay is one statement,
 * committed before the dispatcher is woken, so the dispatcher finds it at once.
 */
@ApplicationScoped
public class ReplayDelivery {

    private static final Logger LOG = Logger.getLogger(ReplayDelivery.class);

    @Inject
    DeliveryStore deliveries;
    @Inject
    NotificationConfig config;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Clock clock;

    /**
     * @return the delivery as the replay left it (PENDING)
     * @throws ProblemException 404 for no such delivery of the subscription; 409 when it is not FAILED
     */
    public DeliveryStore.Delivery replay(String subscriptionId, String deliveryId) {
        Instant now = clock.instant();
        DeliveryStore.Delivery replayed = deliveries.replay(subscriptionId, deliveryId, now, now.plus(config.retry().giveUpAfter()))
                .orElseThrow(() -> {
                    DeliveryStore.Delivery d = deliveries.find(subscriptionId, deliveryId)
                            .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
                    return ProblemException.conflict("Only a failed delivery can be replayed; this one is " + d.status() + ".");
                });
        LOG.infof("delivery %s of subscription %s replayed: FAILED -> PENDING", deliveryId, subscriptionId);
        dispatcher.wake();
        return replayed;
    }
}
