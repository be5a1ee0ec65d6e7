package com.kingstonexpress.notification.feed.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What sellers receive of events that name staff (#12 L5): the role, never the agent's or operator's id. */
class StaffIdentitiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAgentWhoActedIsShownByRoleAndTheSellerByName() throws Exception {
        JsonNode byAgent = shown("""
                {"orderId":"o-1","sellerId":"s-1","actorKind":"SUPPORT_AGENT","actorId":"agent-7@kx","reason":"fix"}""");
        assertEquals("SUPPORT_AGENT", byAgent.get("actorId").asText());
        assertEquals("fix", byAgent.get("reason").asText());

        JsonNode bySeller = shown("""
                {"orderId":"o-1","sellerId":"s-1","actorKind":"SELLER","actorId":"s-1-user"}""");
        assertEquals("s-1-user", bySeller.get("actorId").asText());

        JsonNode byCenter = shown("""
                {"orderId":"o-1","actorKind":"FULFILLMENT_CENTER","actorId":"center-london-1"}""");
        assertEquals("center-london-1", byCenter.get("actorId").asText());
    }

    @Test
    void aTicketOpenedByAnAgentAndIncidentsHideTheStaffMember() throws Exception {
        JsonNode ticket = shown("""
                {"ticketId":"t-1","sellerId":"s-1","openedByKind":"SUPPORT_AGENT","openedBy":"agent-7@kx"}""");
        assertEquals("SUPPORT_AGENT", ticket.get("openedBy").asText());

        JsonNode incident = shown("""
                {"incidentId":"i-1","customerNote":"late","declaredBy":"ops-1","resolvedBy":"ops-2"}""");
        assertFalse(incident.has("declaredBy"));
        assertFalse(incident.has("resolvedBy"));
        assertEquals("late", incident.get("customerNote").asText());
    }

    @Test
    void theEventItselfIsLeftAsItWas() throws Exception {
        JsonNode data = JSON.readTree("""
                {"actorKind":"SUPPORT_AGENT","actorId":"agent-7@kx"}""");
        NotificationConsumer.withoutStaffIdentities(data);
        assertEquals("agent-7@kx", data.get("actorId").asText());
    }

    private static JsonNode shown(String data) throws Exception {
        return NotificationConsumer.withoutStaffIdentities(JSON.readTree(data));
    }
}
