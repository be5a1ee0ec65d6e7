package com.kingstonexpress.fulfillment.incident.domain;

/**
 * SCHEDULED: declared, starts later. ACTIVE: in its window. ENDED: its end time passed without a resolution.
 * RESOLVED: operations resolved it.
 */
public enum IncidentPhase {
    SCHEDULED, ACTIVE, ENDED, RESOLVED;

    /** Listed as "active incidents": what is on now or announced for later. */
    public boolean isCurrent() {
        return this == SCHEDULED || this == ACTIVE;
    }
}
