package com.kingstonexpress.order.orders.api;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.kingstonexpress.order.orders.application.PlaceOrderCommand;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;

/** {@code POST /api/v1/orders}: what the storefront's checkout sends. */
public record CreateOrderRequest(
        @NotBlank @Size(max = 64) String sellerId,
        @NotBlank @Size(max = 64) String customerId,
        @NotBlank @Size(max = 200) String customerName,
        @NotNull OrderType type,
        @Size(max = 64) String fulfillmentCenterId,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
        @NotNull @Valid Address deliveryAddress,
        @NotNull ShippingMethod shippingMethod,
        @Size(max = 2000) String notes) {

    public PlaceOrderCommand toCommand() {
        var a = deliveryAddress;
        return new PlaceOrderCommand(sellerId, customerId, customerName, type, fulfillmentCenterId,
                lines.stream().map(l -> new PlaceOrderCommand.Line(l.sku(), l.title(), l.quantity(), l.unitPrice().amount(),
                        l.unitPrice().currency())).toList(),
                new PlaceOrderCommand.Address(a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country(),
                        a.phone()),
                shippingMethod, notes);
    }

    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 300) String title,
            @NotNull @Positive @Max(10_000) Integer quantity,
            @NotNull @Valid Money unitPrice) {
    }

    public record Money(
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as GBP") String currency) {
    }

    public record Address(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 alpha-2 code such as GB") String country,
            @Size(max = 40) String phone) {
    }
}
