package com.kingstonexpress.order.orders.api;

import java.time.Instant;

import jakarta.ws.rs.QueryParam;

import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.web.QueryParams;

/**
 * The filters of the seller's order list, shared by the list and the export ({@code @BeanParam}): each getter
 * parses its parameter, {@code null} when absent and 400 naming the parameter when bad. Dates as an upper bound
 * ({@code createdTo}) mean "through that day".
 */
public class OrderFilterParams {

    private static final int MAX_QUERY_LENGTH = 100;

    @QueryParam("status")
    String status;
    @QueryParam("type")
    String type;
    @QueryParam("attention")
    String attention;
    @QueryParam("createdFrom")
    String createdFrom;
    @QueryParam("createdTo")
    String createdTo;
    @QueryParam("q")
    String q;

    public OrderStatus status() {
        return QueryParams.enumValue("status", status, OrderStatus.class);
    }

    public OrderType type() {
        return QueryParams.enumValue("type", type, OrderType.class);
    }

    public AttentionFlag attention() {
        return QueryParams.enumValue("attention", attention, AttentionFlag.class);
    }

    public Instant createdFrom() {
        return QueryParams.instant("createdFrom", createdFrom, false);
    }

    public Instant createdTo() {
        return QueryParams.instant("createdTo", createdTo, true);
    }

    /** The free-text search, trimmed; at most 100 characters. */
    public String text() {
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("q must be at most " + MAX_QUERY_LENGTH + " characters.");
        }
        return text;
    }
}
