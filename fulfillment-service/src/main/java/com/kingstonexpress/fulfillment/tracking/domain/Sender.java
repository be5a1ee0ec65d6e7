package com.kingstonexpress.fulfillment.tracking.domain;

/** One authenticated reporter: a center id or a carrier code. Event ids are unique per sender. */
public record Sender(SourceKind kind, String id) {

    private static final int LOGGED_LENGTH = 100;

    public static Sender center(String centerId) {
        return new Sender(SourceKind.CENTER, centerId);
    }

    public static Sender carrier(String carrierCode) {
        return new Sender(SourceKind.CARRIER, carrierCode);
    }

    /**
     * A sender id as it may be written to a log: it comes from the request path, possibly before the sender is
     * authenticated, so anything but letters, digits, '.', '_' and '-' becomes '?' and it is cut at 100 characters.
     */
    public static String loggable(String senderId) {
        if (senderId == null) {
            return "-";
        }
        String cut = senderId.length() > LOGGED_LENGTH ? senderId.substring(0, LOGGED_LENGTH) : senderId;
        return cut.replaceAll("[^A-Za-z0-9._-]", "?");
    }
}
