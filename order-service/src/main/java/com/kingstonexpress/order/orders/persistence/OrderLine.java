package com.kingstonexpress.order.orders.persistence;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

/** One product of the order. Lines never change after the order is placed. */
@Embeddable
public class OrderLine {
    public String sku;
    public String title;
    public int quantity;
    public BigDecimal unitAmount;
    public String currency;
}
