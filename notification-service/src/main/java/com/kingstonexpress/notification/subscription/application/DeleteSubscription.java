package com.kingstonexpress.notification.subscription.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.notification.subscription.persistence.SubscriptionStore;
import com.kingstonexpress.platform.problem.ProblemException;

/** A seller deletes one of their endpoints; what it was still owed is cancelled with it. */
@ApplicationScoped
public class DeleteSubscription {

    private static final Logger LOG = Logger.getLogger(DeleteSubscription.class);

    @Inject
    SubscriptionStore store;
    @Inject
    Clock clock;

    /** @throws ProblemException 404 when the seller has no such active subscription (another seller's included) */
    @Transactional
    public void delete(String sellerId, String subscriptionId) {
        if (!store.delete(sellerId, subscriptionId, clock.instant())) {
            throw ProblemException.notFound("Subscription", subscriptionId);
        }
        LOG.infof("subscription %s of seller %s deleted", subscriptionId, sellerId);
    }
}
