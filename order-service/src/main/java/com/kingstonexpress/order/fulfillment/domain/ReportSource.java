package com.kingstonexpress.order.fulfillment.domain;

public enum ReportSource {
    CENTER, CARRIER
}
