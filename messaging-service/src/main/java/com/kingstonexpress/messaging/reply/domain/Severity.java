package com.kingstonexpress.messaging.reply.domain;

/** BLOCK findings stop a reply outright; WARN findings stop it until the seller acknowledges them. */
public enum Severity {
    BLOCK,
    WARN
}
