package com.kingstonexpress.fulfillment.tracking.domain;

/** Who reported an event: a dispatchment center (keyed by order id) or a carrier (keyed by tracking number). */
public enum SourceKind {
    CENTER, CARRIER
}
