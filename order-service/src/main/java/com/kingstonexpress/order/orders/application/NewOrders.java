package com.kingstonexpress.order.orders.application;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.events.OrderEvents;
import com.kingstonexpress.order.orders.persistence.DeliveryAddress;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.order.orders.persistence.OrderLine;

/** A placed order as it is stored and as {@code order.placed} announces it. */
final class NewOrders {

    private NewOrders() {
    }

    static OrderEntity from(PlaceOrderCommand c, Instant now) {
        OrderEntity o = new OrderEntity();
        o.id = UUID.randomUUID().toString();
        o.sellerId = c.sellerId().trim();
        o.customerId = c.customerId().trim();
        o.customerName = c.customerName().trim();
        o.type = c.type();
        o.status = OrderStatus.NEW;
        o.fulfillmentCenterId = c.type() == OrderType.KINGSTON_DISPATCHED ? c.fulfillmentCenterId().trim() : null;
        o.shippingMethod = c.shippingMethod();
        o.notes = c.notes();
        var a = c.deliveryAddress();
        o.deliveryAddress = new DeliveryAddress();
        o.deliveryAddress.name = a.name();
        o.deliveryAddress.line1 = a.line1();
        o.deliveryAddress.line2 = a.line2();
        o.deliveryAddress.city = a.city();
        o.deliveryAddress.region = a.region();
        o.deliveryAddress.postalCode = a.postalCode();
        o.deliveryAddress.country = a.country();
        o.deliveryAddress.phone = a.phone();
        for (PlaceOrderCommand.Line l : c.lines()) {
            OrderLine line = new OrderLine();
            line.sku = l.sku().trim();
            line.title = l.title().trim();
            line.quantity = l.quantity();
            line.unitAmount = l.unitAmount();
            line.currency = l.currency();
            o.lines.add(line);
        }
        o.searchText = Stream.concat(Stream.of(o.id, o.customerName), o.lines.stream().flatMap(l -> Stream.of(l.sku, l.title)))
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
        o.createdAt = now;
        o.updatedAt = now;
        o.statusChangedAt = now;
        return o;
    }

    static OrderEvents.Placed placed(OrderEntity o) {
        var a = o.deliveryAddress;
        return new OrderEvents.Placed(o.id, o.sellerId, o.customerId, o.type, o.status, o.fulfillmentCenterId,
                o.shippingMethod, new OrderEvents.Address(a.country, a.region),
                o.lines.stream().map(l -> new OrderEvents.Line(l.sku, l.title, l.quantity)).toList(), o.createdAt);
    }
}
