package com.kingstonexpress.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the CloudEvents {@code type} a payload record is published as, so that
 * {@link com.kingstonexpress.platform.outbox.Outbox#append(String, String, Object)} cannot pair a record with
 * the wrong type string. One record per type: a record that could mean two things is two records. A record
 * that consumers switch on also keeps the string as a constant: {@code @EventType(OrderPlaced.TYPE)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Versioned type, e.g. {@code com.kingstonexpress.order.placed.v1}. */
    String value();

}
