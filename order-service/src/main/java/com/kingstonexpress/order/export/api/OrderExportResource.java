package com.kingstonexpress.order.export.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import com.kingstonexpress.order.orders.api.OrderFilterParams;
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
    private static final List<String> COLUMNS = List.of("orderId", "type", "status", "shippingMethod", "fulfillmentCenterId",
            "customerId", "customerName", "country", "region", "city", "postalCode", "carrier", "trackingNumber", "attention",
            "itemCount", "total", "currency", "createdAt", "updatedAt");

    @Inject
    Caller caller;
    @Inject
    OrderExportQuery query;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed(Roles.SELLER)
    @Produces({ CSV, JSON_LINES })
    @Operation(summary = "Export the seller's orders (the list's filters) as CSV (format=csv, default) or JSON lines (format=jsonl)")
    public Response export(@QueryParam("format") String format, @BeanParam OrderFilterParams params) {
        boolean csv = format == null || format.isBlank() || format.equalsIgnoreCase("csv");
        if (!csv && !format.equalsIgnoreCase("jsonl")) {
            throw ProblemException.badRequest("format must be csv or jsonl.");
        }
        OrderExportQuery.Filter filter = new OrderExportQuery.Filter(caller.sellerId(), name(params.status()),
                name(params.type()), name(params.attention()), params.createdFrom(), params.createdTo(), params.text());
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
        String file = "orders-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + (csv ? ".csv" : ".jsonl");
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
}
