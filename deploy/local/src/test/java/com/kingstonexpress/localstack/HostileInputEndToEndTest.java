package com.kingstonexpress.localstack;

import static com.kingstonexpress.localstack.RunningStack.agent;
import static com.kingstonexpress.localstack.RunningStack.newSeller;
import static com.kingstonexpress.localstack.RunningStack.operations;
import static com.kingstonexpress.localstack.RunningStack.placeOrder;
import static com.kingstonexpress.localstack.RunningStack.seller;
import static com.kingstonexpress.localstack.RunningStack.storefront;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue #12: every operation of every service's OpenAPI document (and of the gateway's merged one), called directly
 * and through the gateway with hostile input (NUL and control bytes in path and query, extreme dates, huge numbers,
 * wrong JSON types, malformed JSON, empty bodies, unknown enum values) answers 4xx problem+json, never 5xx, and
 * changes nothing; another seller's order answers 404 on every seller route that names it.
 *
 * <p>Not yet in the suite: on the shared 2-core machine one run of the sweep (about 20,000 calls: four roles, every
 * operation, each service directly and the gateway's merged document) took over 20 minutes without finishing, so it
 * has never completed green. Enable it once a run (fewer roles per operation, e.g. from the document's security
 * scopes) fits the suite; each finding is printed as it is found.
 */
@Disabled("#12 no-5xx sweep: never completed on the shared machine; see the class comment")
class HostileInputEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> WITH_BODY = Set.of("post", "put", "patch");
    /** Already URL-encoded: what a hostile client puts in a path segment. */
    private static final List<String> PATH_VALUES = List.of("a%00b", "%01%1F", "%E2%80%AE", "..%2F..%2Fq%2Fhealth", "x".repeat(600),
            "-1", "99999999999999999999999", "%FF%FE");
    private static final List<String> QUERY_VALUES = List.of("%00", "a%0Ab", "%FF", enc("+999999999-01-01T00:00:00Z"),
            enc("-999999999-01-01T00:00:00Z"), "99999999999999999999", "1e309", "NOT_AN_ENUM", "", "-1");
    private static final List<String> RAW_BODIES = List.of("", "{", "null", "[]", "\"x\"", "1e999999", "{\"a\":\"\\u0000\"}",
            "{\"events\":[null]}", "[" .repeat(2000));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();
    private int calls;

    @Test
    void everyOperationAnswersHostileInputWith4xxProblemsAndChangesNothing() throws Exception {
        LocalStack stack = RunningStack.get();
        String sellerId = newSeller();
        String orderId = placeOrder(sellerId, "SELLER_MANAGED", "STANDARD", "GB");
        String before = ownOrder(stack.config().gatewayUrl(), sellerId, orderId);
        List<String> tokens = List.of(seller(sellerId), agent(), storefront(), operations());

        // Each service directly with its own document; the gateway with the merged one (every service's operations).
        for (StackConfig.Service service : stack.config().services()) {
            sweep(service.url(), openApi(service.url()), tokens, orderId);
        }
        System.out.printf("hostile input sweep: %d calls, %d answers that were not a 4xx problem%n", calls, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " answers were not a 4xx problem:\n" + String.join("\n",
                failures.subList(0, Math.min(60, failures.size()))));
        assertEquals(before, ownOrder(stack.config().gatewayUrl(), sellerId, orderId), "the hostile calls changed the order");
    }

    @Test
    void anotherSellersOrderIsNotFoundOnEveryRouteThatNamesIt() throws Exception {
        LocalStack stack = RunningStack.get();
        String victim = newSeller();
        String orderId = placeOrder(victim, "KINGSTON_DISPATCHED", "STANDARD", "GB");
        String before = ownOrder(stack.config().gatewayUrl(), victim, orderId);
        String other = seller(newSeller());
        int routes = 0;
        for (StackConfig.Service service : stack.config().services()) {
            JsonNode document = openApi(service.url());
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (!path.getKey().contains("{orderId}") || path.getKey().startsWith("/api/v1/support/")) {
                    continue;
                }
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                    String method = methods.next();
                    String p = TEMPLATE.matcher(path.getKey().replace("{orderId}", orderId)).replaceAll("cancel");
                    for (String base : bases(stack, service)) {
                        Answer answer = call(method, base + p, other, WITH_BODY.contains(method) ? "{}" : null);
                        routes++;
                        boolean ok = method.equals("get") ? answer.status == 404 : answer.status == 404 || answer.status == 403
                                || answer.status == 400 || answer.status == 422;
                        if (!ok || !answer.problem()) {
                            failures.add(method.toUpperCase() + " " + base + p + " as another seller -> " + answer);
                        }
                    }
                }
            }
        }
        System.out.printf("another seller's order: %d routes tried%n", routes);
        assertTrue(routes > 10, "routes naming an order were found");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, ownOrder(stack.config().gatewayUrl(), victim, orderId));
    }

    /** The service directly, and through the gateway (whose own document is the merged one). */
    private static List<String> bases(LocalStack stack, StackConfig.Service service) {
        return service.name().equals("gateway") ? List.of(service.url())
                : List.of(service.url(), stack.config().gatewayUrl());
    }

    private void sweep(String base, JsonNode document, List<String> tokens, String ownOrderId) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                List<String> queryNames = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        queryNames.add(p.path("name").asText());
                    }
                });
                boolean hasBody = WITH_BODY.contains(method);
                List<String> bodies = new ArrayList<>(hasBody ? RAW_BODIES : List.of());
                if (hasBody) {
                    JsonNode schema = resolve(document, op.getValue().at("/requestBody/content/application~1json/schema"));
                    bodies.add(hostileObject(document, schema, true).toString());
                    bodies.add(hostileObject(document, schema, false).toString());
                }
                for (String token : tokens) {
                    for (String value : TEMPLATE.matcher(path.getKey()).find() ? PATH_VALUES : List.<String>of()) {
                        String p = TEMPLATE.matcher(path.getKey()).replaceAll(Matcher.quoteReplacement(value));
                        expectProblem(method, base + p, token, hasBody ? "{}" : null);
                    }
                    String sane = TEMPLATE.matcher(path.getKey().replace("{orderId}", ownOrderId)).replaceAll("x1");
                    for (String name : queryNames) {
                        for (String value : QUERY_VALUES) {
                            expectProblemOrOk(method, base + sane + "?" + name + "=" + value, token, hasBody ? "{}" : null);
                        }
                    }
                    for (String body : bodies) {
                        expectProblemOrOk(method, base + sane, token, body);
                    }
                }
            }
        }
    }

    /** Hostile path values never name anything: the answer is a 4xx problem. */
    private void expectProblem(String method, String url, String token, String body) {
        Answer answer = call(method, url, token, body);
        if (answer.status < 400 || answer.status >= 500 || !answer.problem()) {
            failure(method.toUpperCase() + " " + shorten(url) + " -> " + answer);
        }
    }

    /** A hostile query or body on a sane path: never a 5xx, and any error is a problem. */
    private void expectProblemOrOk(String method, String url, String token, String body) {
        Answer answer = call(method, url, token, body);
        if (answer.status >= 500 || (answer.status >= 400 && !answer.problem())) {
            failure(method.toUpperCase() + " " + shorten(url) + " body " + shorten(String.valueOf(body)) + " -> " + answer);
        }
    }

    private void failure(String what) {
        System.out.println("hostile input finding: " + what);
        failures.add(what);
    }

    private record Answer(int status, String contentType, String body) {
        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + shorten(body);
        }
    }

    private Answer call(String method, String url, String token, String body) {
        calls++;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IllegalArgumentException e) {
            return new Answer(400, "application/problem+json", "not sendable: " + e.getMessage()); // the client refuses the URI
        } catch (IOException e) {
            return new Answer(599, null, "I/O: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An object with every property of the schema given the wrong JSON type, or a hostile value of the right one. */
    private static ObjectNode hostileObject(JsonNode document, JsonNode schema, boolean wrongTypes) {
        ObjectNode body = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode s = resolve(document, property.getValue());
            String type = s.path("type").asText(s.has("properties") ? "object" : "string");
            if (wrongTypes) {
                switch (type) {
                    case "string" -> body.putObject(property.getKey()).put("x", 1);
                    case "array" -> body.put(property.getKey(), 1);
                    case "object" -> body.put(property.getKey(), "x");
                    default -> body.put(property.getKey(), "not a number");
                }
            } else if (s.has("enum")) {
                body.put(property.getKey(), "NOT_AN_ENUM");
            } else if ("date-time".equals(s.path("format").asText()) || "date".equals(s.path("format").asText())) {
                body.put(property.getKey(), "+999999999-12-31T23:59:59Z");
            } else {
                switch (type) {
                    case "string" -> body.put(property.getKey(), "a\u0000b\u0001c");
                    case "array" -> body.putArray(property.getKey()).addNull();
                    case "object" -> body.set(property.getKey(), hostileObject(document, s, false));
                    case "integer" -> body.put(property.getKey(), new java.math.BigInteger("99999999999999999999999999"));
                    default -> body.put(property.getKey(), new java.math.BigDecimal("1e400"));
                }
            }
        }
        return body;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            s = document.at(s.get("$ref").asText().substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(document, s.get("allOf").get(0));
        }
        return s;
    }

    private JsonNode openApi(String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                .header("Accept", "application/json").header("Authorization", "Bearer " + operations()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), base + "/q/openapi");
        return JSON.readTree(response.body());
    }

    /** The order as its seller sees it, without the fields that move on their own. */
    private String ownOrder(String gateway, String sellerId, String orderId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/orders/" + orderId))
                .header("Authorization", "Bearer " + seller(sellerId)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode order = JSON.readTree(response.body());
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String field : new TreeSet<>(List.of("status", "version", "updatedAt", "tracking", "addressConfirmed", "deliveryEvidence",
                "notes", "deliveryAddress"))) {
            kept.put(field, order.get(field));
        }
        return kept.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 160 ? s : s.substring(0, 160) + "...";
    }
}
