package com.kingstonexpress.platform.testing;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;

/**
 * Issue #12: every operation of an OpenAPI document answers hostile input with a 4xx problem+json, never a 5xx.
 *
 * <p>For each operation it calls as ONE principal (the first role of {@link #role(String, String)} that the
 * operation's security requirement names, else the role of the longest matching path prefix, else the first role),
 * and changes one thing at a time with everything else valid: each path parameter, each query and header parameter
 * (NUL and control bytes, invalid UTF-8, over-long, extreme dates, huge numbers, unknown enum values), then a handful
 * of malformed bodies, and, where a valid sample body is known, each field of it in turn. A call fails the sweep when
 * it answers 5xx (or not at all), or a 4xx that is not {@code application/problem+json}. Every finding is collected
 * and {@link Result#assertClean()} fails once with all of them.
 *
 * <p>Two value sets: {@link Values#THOROUGH} for a service under test (local calls, a few hundred per service), and
 * {@link Values#CHEAP} for the whole stack through the gateway, where each call crosses two processes.
 */
public final class HostileInputSweep {

    /** How many hostile values per parameter and field. */
    public enum Values {
        THOROUGH, CHEAP
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> WITH_BODY = Set.of("post", "put", "patch");
    private static final String EXTREME_DATE = "+999999999-12-31T23:59:59Z";

    private final String base;
    private final JsonNode document;
    private final Map<String, String> tokensByRole = new LinkedHashMap<>();
    private final Map<String, String> roleByPrefix = new LinkedHashMap<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String> sampleBodies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Predicate<String> skip = operation -> false;
    private BiFunction<String, String, Map<String, String>> signer = (path, body) -> Map.of();
    private Values values = Values.THOROUGH;
    /**
     * HTTP/1.1, as the services' callers use: the JDK client's default (HTTP/2) first asks a plain-HTTP server to upgrade
     * the connection (h2c), a path no caller of these services takes.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HostileInputSweep(String base, JsonNode document) {
        this.base = base;
        this.document = document;
    }

    /** A sweep of the document the service at {@code base} publishes at {@code /q/openapi}. */
    public static HostileInputSweep of(String base) {
        return new HostileInputSweep(base, fetchDocument(base, null));
    }

    /** A sweep of a given document (for example the gateway's merged one). */
    public static HostileInputSweep of(String base, JsonNode document) {
        return new HostileInputSweep(base, document);
    }

    /** The service of the running {@code @QuarkusTest}. */
    public static String quarkusTestUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    public static JsonNode fetchDocument(String base, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(base + "/q/openapi answered " + response.statusCode() + ": " + shorten(response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(base + "/q/openapi unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A principal: the token used for operations that allow {@code role}. The first one added is the default. */
    public HostileInputSweep role(String role, String token) {
        tokensByRole.put(role, token);
        return this;
    }

    /** The role for operations under {@code pathPrefix} whose document names no role (longest prefix wins). */
    public HostileInputSweep roleFor(String pathPrefix, String role) {
        roleByPrefix.put(pathPrefix, role);
        return this;
    }

    /** A valid value for a path parameter (an id the principal owns); others get a well-formed unknown id. */
    public HostileInputSweep pathValue(String parameter, String value) {
        pathValues.put(parameter, value);
        return this;
    }

    /** A valid body for {@code "POST /api/v1/orders"} (method and path template): each field is then made hostile. */
    public HostileInputSweep sampleBody(String operation, String json) {
        sampleBodies.put(operation, json);
        return this;
    }

    /** A header sent on every call (for example a webhook's expected headers). */
    public HostileInputSweep header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Headers computed from each call's path and body (empty string when none), for example a webhook signature,
     * so that hostile bodies get past the signature check and reach the parsing behind it.
     */
    public HostileInputSweep signer(BiFunction<String, String, Map<String, String>> signer) {
        this.signer = signer;
        return this;
    }

    /** Operations ({@code "GET /path/{template}"}) left out, for example a never-ending stream. */
    public HostileInputSweep skip(Predicate<String> operations) {
        this.skip = skip.or(operations);
        return this;
    }

    public HostileInputSweep values(Values values) {
        this.values = values;
        return this;
    }

    /** Runs the sweep; nothing is asserted until {@link Result#assertClean()}. */
    public Result run() {
        Result result = new Result(base);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                if (skip.test(operation)) {
                    continue;
                }
                result.operations++;
                sweep(result, op.getKey(), path.getKey(), op.getValue(), parameters(path.getKey(), path.getValue(), op.getValue()));
            }
        }
        System.out.printf("hostile input sweep of %s: %d operations, %d calls, %d findings%n", base, result.operations,
                result.calls, result.findings.size());
        return result;
    }

    /**
     * Another seller's resource: every operation whose path names {@code parameter} is called with {@code value} (the
     * other path parameters valid, the sample body or {@code {}}) as the first role. A GET must answer 404; any other
     * method 404, or 400/403/422 when it refuses before looking anything up. Never 2xx, never the resource.
     */
    public Result foreignResource(String parameter, String value) {
        Result result = new Result(base);
        String token = tokensByRole.values().iterator().next();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().contains("{" + parameter + "}")) {
                continue;
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                String operation = method.toUpperCase() + " " + path.getKey();
                if (!METHODS.contains(method) || skip.test(operation)) {
                    continue;
                }
                result.operations++;
                String body = WITH_BODY.contains(method) ? sampleBodies.getOrDefault(operation, "{}") : null;
                String relative = path(path.getKey(), parameter, value);
                Answer answer = call(method, base + relative, token, Map.of(), body);
                result.calls++;
                boolean problem = answer.contentType != null && answer.contentType.startsWith("application/problem+json");
                boolean refused = answer.status == 404
                        || (!method.equals("get") && Set.of(400, 403, 422).contains(answer.status));
                if (!refused || !problem) {
                    String finding = operation + " with another seller's " + parameter + " -> " + answer;
                    System.out.println("foreign resource finding: " + finding);
                    result.findings.add(finding);
                }
            }
        }
        System.out.printf("foreign %s on %s: %d operations, %d findings%n", parameter, base, result.operations, result.findings.size());
        return result;
    }

    private void sweep(Result result, String method, String template, JsonNode operation, List<JsonNode> parameters) {
        String token = tokenFor(template, operation);
        System.out.printf("hostile input sweep: %s %s as %s%n", method.toUpperCase(), template, roleFor(template, operation));
        boolean hasBody = WITH_BODY.contains(method);
        String sample = sampleBodies.get(method.toUpperCase() + " " + template);
        String validBody = hasBody ? (sample != null ? sample : "{}") : null;
        Map<String, String> validQuery = new LinkedHashMap<>();
        for (JsonNode p : parameters) {
            if (p.path("in").asText().equals("query") && p.path("required").asBoolean()) {
                validQuery.put(p.path("name").asText(), validValue(resolve(p.path("schema"))));
            }
        }
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            switch (p.path("in").asText()) {
                case "path" -> {
                    for (String hostile : pathValues()) {
                        String url = path(template, name, hostile) + query(validQuery, null, null);
                        check(result, method, url, token, Map.of(), validBody, "path " + name + "=" + hostile);
                    }
                }
                case "query" -> {
                    for (String hostile : queryValues(schema)) {
                        String url = path(template, null, null) + query(validQuery, name, hostile);
                        check(result, method, url, token, Map.of(), validBody, "query " + name + "=" + hostile);
                    }
                }
                case "header" -> {
                    if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Content-Type")) {
                        continue;
                    }
                    for (String hostile : headerValues()) {
                        String url = path(template, null, null) + query(validQuery, null, null);
                        check(result, method, url, token, Map.of(name, hostile), validBody, "header " + name + "=" + hostile);
                    }
                }
                default -> {
                }
            }
        }
        if (!hasBody) {
            return;
        }
        String url = path(template, null, null) + query(validQuery, null, null);
        for (String body : malformedBodies()) {
            check(result, method, url, token, Map.of(), body, "body " + body);
        }
        JsonNode schema = resolve(operation.at("/requestBody/content/application~1json/schema"));
        if (schema.has("properties")) {
            String wrongTypes = wrongTypes(schema).toString();
            check(result, method, url, token, Map.of(), wrongTypes, "body " + wrongTypes);
        }
        if (sample != null) {
            try {
                JsonNode valid = JSON.readTree(sample);
                for (Map.Entry<String, JsonNode> variant : fieldVariants(valid).entrySet()) {
                    check(result, method, url, token, Map.of(), variant.getValue().toString(), "body field " + variant.getKey());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("sample body of " + method + " " + template + " is not JSON", e);
            }
        }
    }

    private List<String> pathValues() {
        List<String> cheap = List.of("a%00b", "%FF%FE", "9".repeat(30), EXTREME_DATE.replace("+", "%2B"));
        if (values == Values.CHEAP) {
            return cheap;
        }
        List<String> all = new ArrayList<>(cheap);
        all.addAll(List.of("%01%1F%7F", "a%0D%0Ab", "%C0%AF", "%E2%80%AE", "%F0%9F%92%A9", "x".repeat(2000), "-1", "0",
                "..%2F..%2Fq%2Fhealth", "%25", "'%20OR%201=1--", "NOT_AN_ENUM"));
        return all;
    }

    private List<String> queryValues(JsonNode schema) {
        List<String> cheap = List.of("%00", "%FF", enc(EXTREME_DATE), "99999999999999999999", "NOT_AN_ENUM");
        if (values == Values.CHEAP) {
            return cheap;
        }
        List<String> all = new ArrayList<>(cheap);
        all.addAll(List.of("a%01b", "%C0%AF", enc("-999999999-01-01T00:00:00Z"), enc("+999999999-01-01"), "9999-12-31",
                "1e309", "-1", "0", "2147483648", "-9223372036854775809", "NaN", "", "x".repeat(2000), "%E2%80%AE",
                "AAAA", enc("{\"t\":\"+999999999-01-01T00:00:00Z\",\"id\":\"x\"}")));
        if (schema.has("enum")) {
            all.add(enc(schema.get("enum").get(0).asText().toLowerCase() + "\u0000"));
        }
        return all;
    }

    private List<String> headerValues() {
        List<String> cheap = List.of("x".repeat(2000), "99999999999999999999");
        if (values == Values.CHEAP) {
            return cheap;
        }
        List<String> all = new ArrayList<>(cheap);
        all.addAll(List.of("", "-1", "\"x\"", "W/\"99999999999999999999\"", "*", EXTREME_DATE, "\u00ff\u00fe"));
        return all;
    }

    private List<String> malformedBodies() {
        List<String> cheap = List.of("", "{", "[]", "{\"a\":\"\\u0000\"}");
        if (values == Values.CHEAP) {
            return cheap;
        }
        List<String> all = new ArrayList<>(cheap);
        all.addAll(List.of("null", "\"x\"", "1e999999", "[".repeat(2000), "{\"a\":" + "9".repeat(2000) + "}", "\u00ff\u00fe",
                "{\"a\":1,\"a\":2}"));
        return all;
    }

    /** Each leaf of the sample, one at a time, given hostile values of its own JSON type (and one of another). */
    private Map<String, JsonNode> fieldVariants(JsonNode valid) {
        Map<String, JsonNode> variants = new LinkedHashMap<>();
        collect(valid, valid, new ArrayList<>(), variants);
        return variants;
    }

    private void collect(JsonNode root, JsonNode node, List<Object> at, Map<String, JsonNode> variants) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> {
                List<Object> next = new ArrayList<>(at);
                next.add(f);
                collect(root, node.get(f), next, variants);
            });
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                collect(root, node.get(i), next, variants);
            }
            variants.put(label(at) + "=[null]", replace(root, at, JsonNodeFactory.instance.arrayNode().addNull()));
            return;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> hostile = new ArrayList<>();
        if (node.isNumber()) {
            hostile.add(f.numberNode(new BigInteger("9".repeat(30))));
            hostile.add(f.numberNode(new BigDecimal("1e400")));
            if (values == Values.THOROUGH) {
                hostile.add(f.numberNode(-1));
                hostile.add(f.textNode("x"));
            }
        } else {
            hostile.add(f.textNode("a\u0000b"));
            hostile.add(f.textNode(EXTREME_DATE));
            if (values == Values.THOROUGH) {
                hostile.add(f.textNode("\u0001\u001b[31m\u007f"));
                hostile.add(f.textNode("x".repeat(100_000)));
                hostile.add(f.textNode("NOT_AN_ENUM"));
                hostile.add(f.textNode("-999999999-01-01T00:00:00Z"));
                hostile.add(f.textNode("\ud800"));
                hostile.add(f.numberNode(new BigDecimal("1e400")));
                hostile.add(f.objectNode());
            }
        }
        for (JsonNode h : hostile) {
            variants.put(label(at) + "=" + shorten(h.toString(), 40), replace(root, at, h));
        }
    }

    private static JsonNode replace(JsonNode root, List<Object> at, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < at.size() - 1; i++) {
            parent = at.get(i) instanceof Integer idx ? parent.get(idx) : parent.get((String) at.get(i));
        }
        Object last = at.get(at.size() - 1);
        if (last instanceof Integer idx) {
            ((ArrayNode) parent).set(idx, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    private static String label(List<Object> at) {
        StringBuilder sb = new StringBuilder();
        for (Object o : at) {
            sb.append(o instanceof Integer ? "[" + o + "]" : (sb.length() == 0 ? "" : ".") + o);
        }
        return sb.toString();
    }

    /** Every property of the schema given the wrong JSON type. */
    private ObjectNode wrongTypes(JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode s = resolve(property.getValue());
            switch (s.path("type").asText(s.has("properties") ? "object" : "string")) {
                case "string" -> body.putObject(property.getKey()).put("x", 1);
                case "array" -> body.put(property.getKey(), 1);
                case "object" -> body.put(property.getKey(), "x");
                default -> body.put(property.getKey(), "not a number");
            }
        });
        return body;
    }

    private String tokenFor(String template, JsonNode operation) {
        String role = roleFor(template, operation);
        return role == null ? null : tokensByRole.get(role);
    }

    private String roleFor(String template, JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            for (JsonNode scopes : requirement) {
                for (String role : tokensByRole.keySet()) {
                    for (JsonNode scope : scopes) {
                        if (scope.asText().equals(role)) {
                            return role;
                        }
                    }
                }
            }
        }
        String best = null;
        for (String prefix : roleByPrefix.keySet()) {
            if (template.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best != null && tokensByRole.containsKey(roleByPrefix.get(best))) {
            return roleByPrefix.get(best);
        }
        return tokensByRole.isEmpty() ? null : tokensByRole.keySet().iterator().next();
    }

    private String path(String template, String hostileName, String hostileValue) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(hostileName) ? hostileValue : pathValues.getOrDefault(name, "sweep-unknown-" + name);
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String query(Map<String, String> valid, String hostileName, String hostileValue) {
        StringBuilder sb = new StringBuilder();
        valid.forEach((k, v) -> {
            if (!k.equals(hostileName)) {
                sb.append(sb.length() == 0 ? "?" : "&").append(enc(k)).append('=').append(enc(v));
            }
        });
        if (hostileName != null) {
            sb.append(sb.length() == 0 ? "?" : "&").append(enc(hostileName)).append('=').append(hostileValue);
        }
        return sb.toString();
    }

    private static String validValue(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> "10";
            case "boolean" -> "true";
            default -> switch (schema.path("format").asText()) {
                case "date" -> "2026-01-01";
                case "date-time" -> "2026-01-01T00:00:00Z";
                default -> "x1";
            };
        };
    }

    private List<JsonNode> parameters(String template, JsonNode pathItem, JsonNode operation) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode p : pathItem.path("parameters")) {
            p = resolve(p);
            byKey.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
        }
        for (JsonNode p : operation.path("parameters")) {
            p = resolve(p);
            byKey.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
        }
        // A template variable the document does not declare still gets swept.
        Matcher m = TEMPLATE.matcher(template);
        while (m.find()) {
            byKey.putIfAbsent("path:" + m.group(1), JSON.createObjectNode().put("in", "path").put("name", m.group(1)));
        }
        return new ArrayList<>(byKey.values());
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode s = node;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            s = document.at(s.get("$ref").asText().substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        return s;
    }

    private void check(Result result, String method, String relative, String token, Map<String, String> extraHeaders, String body,
            String input) {
        Answer answer = call(method, base + relative, token, extraHeaders, body);
        result.calls++;
        boolean problem = answer.contentType != null && answer.contentType.startsWith("application/problem+json");
        if (answer.status >= 500 || (answer.status >= 400 && !problem)) {
            String finding = method.toUpperCase() + " " + shorten(relative, 160) + " [" + shorten(input, 80) + "] -> " + answer;
            System.out.println("hostile input finding: " + finding);
            result.findings.add(finding);
        }
        if (answer.status < 400) {
            result.accepted++;
        }
    }

    private Answer call(String method, String url, String token, Map<String, String> extraHeaders, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            signer.apply(URI.create(url).getRawPath(), body == null ? "" : body).forEach(request::header);
            extraHeaders.forEach(request::header);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IllegalArgumentException e) {
            // The client itself refuses to send it (for example a header value it deems invalid): nothing to check.
            return new Answer(400, "application/problem+json", "not sendable: " + e.getMessage());
        } catch (IOException e) {
            return new Answer(599, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + shorten(body, 200);
        }
    }

    /** What a sweep found. */
    public static final class Result {
        private final String base;
        private final List<String> findings = new ArrayList<>();
        private int operations;
        private int calls;
        private int accepted;

        private Result(String base) {
            this.base = base;
        }

        public int operations() {
            return operations;
        }

        public int calls() {
            return calls;
        }

        /** Calls answered below 400 (hostile values a route ignores or accepts as text). */
        public int accepted() {
            return accepted;
        }

        public List<String> findings() {
            return List.copyOf(findings);
        }

        /** Fails once, listing every finding. */
        public Result assertClean() {
            if (operations == 0) {
                throw new AssertionError("the sweep of " + base + " found no operations in the document");
            }
            if (!findings.isEmpty()) {
                throw new AssertionError(findings.size() + " of " + calls + " hostile calls to " + base
                        + " answered 5xx or a 4xx that is not problem+json:\n" + String.join("\n", findings));
            }
            return this;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return shorten(s, 200);
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return null;
        }
        String oneLine = s.replace("\n", " ").replace("\u0000", "\\0");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...(" + s.length() + " chars)";
    }
}
