package com.kingstonexpress.order.export.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.order.export.domain.CsvFormat;
import com.kingstonexpress.order.export.persistence.OrderExportQuery;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;

/**
 * The seller's orders in bulk: every order the list's filters select, newest first, streamed as CSV or
 * JSON lines straight from a database cursor, so an export of 100,000 orders takes as little memory as
 * one of ten. Bad filters are refused (400) before anything is streamed.
 */
@Path("/api/v1/orders/export")
@Tag(name = "Orders")
public class OrderExportResource {

    static final String CSV = "text/csv";
    static final String JSON_LINES = "application/x-ndjson";
    private static final int MAX_QUERY_LENGTH = 100;
    private static final List<String> COLUMNS = List.of("orderId", "type", "status", "shippingMethod", "fulfillmentCenterId",
            "customerId", "customerName", "country", "region", "city", "postalCode", "carrier", "trackingNumber", "attention",
            "itemCount", "total", "currency", "createdAt", "updatedAt");

    @Inject
    Caller caller;
    @Inject
    OrderExportQuery query;
    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed(Roles.SELLER)
    @Produces({ CSV, JSON_LINES })
    @Operation(summary = "Export the seller's orders (the list's filters) as CSV (format=csv, default) or JSON lines (format=jsonl)")
    public Response export(@QueryParam("format") String format, @QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("attention") String attention, @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo, @QueryParam("q") String q) {
        boolean csv = format == null || format.isBlank() || format.equalsIgnoreCase("csv");
        if (!csv && !format.equalsIgnoreCase("jsonl")) {
            throw ProblemException.badRequest("format must be csv or jsonl.");
        }
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("q must be at most " + MAX_QUERY_LENGTH + " characters.");
        }
        String sellerId = caller.sellerId();
        OrderExportQuery.Filter filter = new OrderExportQuery.Filter(sellerId,
                name(enumParam("status", status, OrderStatus::valueOf)), name(enumParam("type", type, OrderType::valueOf)),
                name(enumParam("attention", attention, AttentionFlag::valueOf)), instant("createdFrom", createdFrom, false),
                instant("createdTo", createdTo, true), text);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (csv) {
                writer.write(CsvFormat.line(COLUMNS));
                query.stream(filter, row -> writer.write(CsvFormat.line(fields(row))));
                writer.flush();
            } else {
                JsonGenerator generator = json.getFactory().createGenerator(writer);
                generator.setRootValueSeparator(null);
                query.stream(filter, row -> {
                    generator.writeObject(row);
                    generator.writeRaw('\n');
                });
                generator.flush();
            }
        };
        String file = "orders-" + LocalDate.now(ZoneOffset.UTC) + (csv ? ".csv" : ".jsonl");
        return Response.ok(body, csv ? CSV + "; charset=UTF-8" : JSON_LINES)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static List<String> fields(OrderExportQuery.Row r) {
        List<String> f = new ArrayList<>(COLUMNS.size());
        f.add(r.orderId());
        f.add(r.type());
        f.add(r.status());
        f.add(r.shippingMethod());
        f.add(r.fulfillmentCenterId());
        f.add(r.customerId());
        f.add(r.customerName());
        f.add(r.country());
        f.add(r.region());
        f.add(r.city());
        f.add(r.postalCode());
        f.add(r.carrier());
        f.add(r.trackingNumber());
        f.add(r.attention());
        f.add(Long.toString(r.itemCount()));
        f.add(r.total());
        f.add(r.currency());
        f.add(r.createdAt().toString());
        f.add(r.updatedAt().toString());
        return f;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumParam(String name, String value, Function<String, E> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " has a value that is not allowed: " + value + ".");
        }
    }

    /** As the list: ISO-8601 instants or dates; a date as an upper bound means "through that day". */
    private static Instant instant(String name, String value, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(value.trim());
                return (upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ProblemException.badRequest(name + " must be an ISO-8601 date or date-time.");
            }
        }
    }
}
