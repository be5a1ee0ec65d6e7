package com.kingstonexpress.fulfillment.incident.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.fulfillment.incident.domain.IncidentRules;
import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;
import com.kingstonexpress.fulfillment.incident.events.IncidentDeclared;
import com.kingstonexpress.fulfillment.incident.persistence.Incident;
import com.kingstonexpress.fulfillment.incident.persistence.IncidentStore;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys.StoredResponse;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.problem.Problems;

/**
 * Operations declare a platform-wide delivery slowdown: checked against {@link IncidentRules}, stored and
 * published together, at most once per idempotency key.
 */
@ApplicationScoped
public class DeclareIncident {

    private static final Logger LOG = Logger.getLogger(DeclareIncident.class);

    /**
     * @param startsAt null: now
     * @param endsAt   null: until resolved
     */
    public record Command(List<String> regions, List<String> carriers, Instant startsAt, Instant endsAt, String customerNote,
            String declaredBy) {
    }

    @Inject
    IncidentStore incidents;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /**
     * @param idempotencyKey null when the caller gave none
     * @param requestBody    the request as received, which a retry with the same key must repeat
     * @param answer         the answer to store for the new incident, given back as it is to a retry
     * @throws ProblemException 400 {@code validation} listing what is wrong with the declaration
     */
    @Transactional
    public StoredResponse declare(Command command, String idempotencyKey, String requestBody,
            Function<Incident, StoredResponse> answer) {
        Instant now = clock.instant();
        IncidentScope scope = new IncidentScope(command.regions(), command.carriers());
        Instant startsAt = command.startsAt() == null ? now : command.startsAt().truncatedTo(ChronoUnit.MICROS);
        Instant endsAt = command.endsAt() == null ? null : command.endsAt().truncatedTo(ChronoUnit.MICROS);
        List<IncidentRules.Violation> violations = IncidentRules.check(scope, startsAt, endsAt, now);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problems.invalid("The declaration has " + violations.size() + " invalid field(s).",
                    violations.stream().map(v -> new Problems.Violation(v.field(), v.message())).toList()));
        }
        return idempotencyKeys.once("incidents:" + command.declaredBy(), idempotencyKey, requestBody, () -> {
            Incident incident = incidents.add(scope, startsAt, endsAt, command.customerNote().trim(), command.declaredBy(), now);
            outbox.append(IncidentDeclared.TOPIC, incident.incidentId, new IncidentDeclared(incident.incidentId, scope,
                    startsAt, endsAt, incident.customerNote, command.declaredBy()));
            LOG.infof("incident %s declared by %s (%d regions, %d carriers)", incident.incidentId, command.declaredBy(),
                    scope.regions().size(), scope.carriers().size());
            return answer.apply(incident);
        });
    }
}
