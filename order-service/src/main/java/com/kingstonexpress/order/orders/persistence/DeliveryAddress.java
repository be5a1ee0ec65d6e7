package com.kingstonexpress.order.orders.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The structured delivery address ("Always review ... Delivery address"). */
@Embeddable
public class DeliveryAddress {
    @Column(name = "addr_name")
    public String name;
    @Column(name = "addr_line1")
    public String line1;
    @Column(name = "addr_line2")
    public String line2;
    @Column(name = "addr_city")
    public String city;
    @Column(name = "addr_region")
    public String region;
    @Column(name = "addr_postal_code")
    public String postalCode;
    @Column(name = "addr_country")
    public String country;
    @Column(name = "addr_phone")
    public String phone;
}
