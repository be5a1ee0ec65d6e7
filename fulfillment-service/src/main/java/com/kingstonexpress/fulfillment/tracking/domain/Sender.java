package com.kingstonexpress.fulfillment.tracking.domain;

/** One authenticated reporter: a center id or a carrier code. Event ids are unique per sender. */
public record Sender(SourceKind kind, String id) {

    public static Sender center(String centerId) {
        return new Sender(SourceKind.CENTER, centerId);
    }

    public static Sender carrier(String carrierCode) {
        return new Sender(SourceKind.CARRIER, carrierCode);
    }
}
