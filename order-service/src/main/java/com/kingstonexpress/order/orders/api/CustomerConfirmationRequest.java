package com.kingstonexpress.order.orders.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The storefront relays that the customer confirmed receipt; {@code confirmedAt} defaults to now. */
public record CustomerConfirmationRequest(@NotBlank @Size(max = 64) String customerId, OffsetDateTime confirmedAt) {
}
