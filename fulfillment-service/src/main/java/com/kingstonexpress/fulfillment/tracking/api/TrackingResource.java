package com.kingstonexpress.fulfillment.tracking.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.domain.EventAdmission;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentState;
import com.kingstonexpress.fulfillment.tracking.persistence.ProjectedOrder;
import com.kingstonexpress.fulfillment.tracking.persistence.RejectedEventRecord;
import com.kingstonexpress.fulfillment.tracking.persistence.Shipment;
import com.kingstonexpress.fulfillment.tracking.persistence.TrackingEvent;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;

@Path("/api/v1/orders/{orderId}/tracking")
@Tag(name = "Tracking")
public class TrackingResource {

    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An order's shipment and tracking timeline", description = "For the owning seller and support "
            + "agents; anybody else's order is 404. Timeline oldest first by occurredAt; late events are marked. Support "
            + "agents also get rejectedEvents (refused for this order or its tracking number, with the reason; events "
            + "that waited for the order or tracking number and expired have code PARKED_EXPIRED).")
    public TrackingView tracking(@PathParam("orderId") String orderId) {
        ProjectedOrder order = ProjectedOrder.findById(orderId);
        if (order == null) {
            throw ProblemException.notFound("Order", orderId);
        }
        caller.requireOwnerOrAgent(order.sellerId, "Order", orderId);
        Shipment shipment = Shipment.findById(orderId);
        ShipmentState state = shipment.state(json);
        List<TrackingView.TimelineEntry> timeline = TrackingEvent.<TrackingEvent>list(
                "orderId = ?1 order by occurredAt, receivedAt, id", orderId).stream()
                .map(e -> new TrackingView.TimelineEntry(e.eventId, e.source, e.sourceId, e.eventType, e.occurredAt,
                        e.receivedAt, e.late, e.carrier, e.trackingNumber, e.location, e.proof, details(e.details)))
                .toList();
        TrackingView.ShipmentView view = new TrackingView.ShipmentView(state.carrier(), state.trackingNumber(),
                state.status(), List.copyOf(state.activeConditions()), state.newestOccurredAt(), timeline);
        // Support agents investigating "status not updating" see what was refused for the order and why.
        List<TrackingView.RejectedEntry> rejected = !caller.isSupportAgent() ? null
                : rejectedFor(orderId, state.carrier(), state.trackingNumber()).stream()
                        .map(r -> new TrackingView.RejectedEntry(r.eventId, r.source, r.sourceId, r.eventType, r.occurredAt,
                                r.receivedAt, r.reason, r.reasonCode))
                        .toList();
        return new TrackingView(orderId, order.orderType, order.fulfillmentCenterId,
                new TrackingView.Destination(order.country, order.region), List.of(view), rejected);
    }

    /**
     * Refused for the order, and carrier events for its tracking number that were refused or that waited for it
     * too long (parked, then expired) before it was known here: they name no order, only the number.
     */
    private static List<RejectedEventRecord> rejectedFor(String orderId, String carrier, String trackingNumber) {
        if (trackingNumber == null) {
            return RejectedEventRecord.list("orderId = ?1 order by receivedAt, id", orderId);
        }
        // A number is unique only per carrier: another carrier's refusals for the same number are another parcel's.
        return RejectedEventRecord.<RejectedEventRecord>list(
                "orderId = ?1 or (orderId is null and trackingNumber = ?2) order by receivedAt, id", orderId, trackingNumber)
                .stream()
                .filter(r -> orderId.equals(r.orderId) || carrier == null
                        || EventAdmission.carrierCode(carrier).equals(EventAdmission.carrierCode(r.sourceId)))
                .toList();
    }

    private JsonNode details(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored details are not JSON", e);
        }
    }
}
