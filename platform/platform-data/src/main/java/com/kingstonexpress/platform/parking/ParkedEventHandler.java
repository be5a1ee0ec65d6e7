package com.kingstonexpress.platform.parking;

/**
 * Applies one consumer's parked events: a CDI bean per consumer that parks. {@link ParkedEvents} calls it inside
 * the transaction that registers the awaited fact ({@link #resume}) or that expires the event ({@link #expired}).
 */
public interface ParkedEventHandler {

    /** The consumer name this handler serves, as given to {@link ParkedEvents#park}. */
    String consumer();

    /**
     * The awaited fact is now known: apply the event as if it had just arrived. It may be parked again (under
     * another key) if it still names something unknown.
     */
    void resume(ParkedEvent event);

    /** The event waited too long; it stays as an EXPIRED record. Write whatever makes it visible to people. */
    default void expired(ParkedEvent event) {
    }
}
