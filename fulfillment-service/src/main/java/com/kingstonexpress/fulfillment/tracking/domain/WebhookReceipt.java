package com.kingstonexpress.fulfillment.tracking.domain;

/**
 * The answer a signed webhook delivery got, exactly as sent ({@code body} is the JSON text), kept with its
 * signature so that a retry of the same bytes within the window gets the same answer.
 */
public record WebhookReceipt(int status, String body) {
}
