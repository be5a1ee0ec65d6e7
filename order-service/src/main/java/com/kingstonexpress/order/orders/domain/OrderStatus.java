package com.kingstonexpress.order.orders.domain;

/** {@code NEW -> PROCESSING -> SHIPPED -> IN_TRANSIT -> DELIVERED}, plus the terminal {@code CANCELLED}. */
public enum OrderStatus {
    NEW(0), PROCESSING(1), SHIPPED(2), IN_TRANSIT(3), DELIVERED(4), CANCELLED(-1);

    private final int step;

    OrderStatus(int step) {
        this.step = step;
    }

    public boolean isTerminal() {
        return this == DELIVERED || this == CANCELLED;
    }

    /** True when {@code next} lies further along the delivery path; "no status ever moves backwards". */
    public boolean isBefore(OrderStatus next) {
        return !isTerminal() && next != CANCELLED && next.step > step;
    }

    /** Shipped or in transit: the parcel is out of the seller's and the center's hands. */
    public boolean isOnItsWay() {
        return this == SHIPPED || this == IN_TRANSIT;
    }

    public boolean hasShipped() {
        return this == SHIPPED || this == IN_TRANSIT || this == DELIVERED;
    }
}
