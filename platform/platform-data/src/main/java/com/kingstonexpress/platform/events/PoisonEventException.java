package com.kingstonexpress.platform.events;

/**
 * An event that can never be processed as it is (malformed, unknown version, impossible data).
 * The consumer sends it to the dead-letter topic with this message as the reason, and moves on.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
