package com.kingstonexpress.order.orders.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.kingstonexpress.order.orders.domain.OrderStatus;

/** A support agent's correction: the reason is mandatory, it goes into the audited history. */
public record StatusCorrectionRequest(@NotNull OrderStatus status, @NotBlank @Size(max = 1000) String reason) {
}
