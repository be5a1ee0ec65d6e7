package com.kingstonexpress.order.guard.domain;

/** One line of "what may I do now?". */
public record ActionOption(SellerAction action, Decision decision) {
}
