package com.kingstonexpress.order.orders.domain;

/** Who changes an order: the kind of actor and its id (a seller's user, an agent, a center, a carrier). */
public record Actor(ActorKind kind, String id) {

    public static Actor seller(String userId) {
        return new Actor(ActorKind.SELLER, userId);
    }

    public static Actor supportAgent(String agentId) {
        return new Actor(ActorKind.SUPPORT_AGENT, agentId);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
