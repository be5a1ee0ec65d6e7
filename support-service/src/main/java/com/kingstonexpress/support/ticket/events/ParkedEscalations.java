package com.kingstonexpress.support.ticket.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.platform.parking.ParkedEvent;
import com.kingstonexpress.platform.parking.ParkedEventHandler;

/** Escalations parked by {@link EscalationConsumer} until their order is known. */
@ApplicationScoped
public class ParkedEscalations implements ParkedEventHandler {

    @Inject
    EscalationConsumer escalations;

    @Override
    public String consumer() {
        return EscalationConsumer.CONSUMER;
    }

    @Override
    public void resume(ParkedEvent parked) {
        escalations.resume(escalations.read(parked.payload()));
    }

    @Override
    public void expired(ParkedEvent parked) {
        escalations.openForUnknownOrder(escalations.read(parked.payload()));
    }
}
