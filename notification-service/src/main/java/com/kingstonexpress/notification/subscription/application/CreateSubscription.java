package com.kingstonexpress.notification.subscription.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.notification.config.NotificationConfig;
import com.kingstonexpress.notification.feed.domain.NotificationType;
import com.kingstonexpress.notification.subscription.domain.EndpointPolicy;
import com.kingstonexpress.notification.subscription.persistence.SubscriptionStore;
import com.kingstonexpress.notification.subscription.persistence.SubscriptionStore.Subscription;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys.StoredResponse;
import com.kingstonexpress.platform.problem.ProblemException;

/**
 * A seller registers a webhook endpoint: a URL the endpoint policy allows, notification types that exist, and
 * at most {@code maxSubscriptionsPerSeller} active ones. Its secret is made here and shown once, in the answer.
 */
@ApplicationScoped
public class CreateSubscription {

    private static final Logger LOG = Logger.getLogger(CreateSubscription.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Command(String sellerId, String actorId, String url, List<String> eventTypes, String description) {
    }

    @Inject
    SubscriptionStore store;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;

    /**
     * @param idempotencyKey null when the caller gave none
     * @param requestBody    the request as received, which a retry with the same key must repeat
     * @param answer         the answer to store for the new subscription, given back as it is to a retry
     * @throws ProblemException 400 for a refused URL or an unknown type; 409 when the seller has too many
     */
    @Transactional
    public StoredResponse create(Command command, String idempotencyKey, String requestBody,
            Function<Subscription, StoredResponse> answer) {
        new EndpointPolicy(config.allowInsecureLocalhost()).refusal(command.url()).ifPresent(reason -> {
            throw ProblemException.badRequest(reason);
        });
        List<String> types = eventTypes(command.eventTypes());
        return idempotencyKeys.once("notification-subscriptions:" + command.actorId(), idempotencyKey, requestBody, () -> {
            if (store.lockAndCountActive(command.sellerId()) >= config.maxSubscriptionsPerSeller()) {
                throw ProblemException.conflict("A seller may have at most " + config.maxSubscriptionsPerSeller()
                        + " subscriptions; delete one first.");
            }
            Subscription subscription = new Subscription("sub_" + UUID.randomUUID(), command.sellerId(), command.url(), types,
                    command.description(), newSecret(), "ACTIVE", command.actorId(), clock.instant());
            store.create(subscription);
            LOG.infof("subscription %s created for seller %s by %s: %s", subscription.subscriptionId(), command.sellerId(),
                    command.actorId(), types);
            return answer.apply(subscription);
        });
    }

    private static List<String> eventTypes(List<String> requested) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String t : requested) {
            if (NotificationType.ofPublicName(t).isEmpty()) {
                throw ProblemException.badRequest("eventTypes: '" + t + "' is not one of "
                        + Arrays.stream(NotificationType.values()).map(NotificationType::publicName).toList() + ".");
            }
            types.add(t);
        }
        return List.copyOf(types);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
