package com.kingstonexpress.gateway.openapi.policy;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the services' own OpenAPI documents into the gateway's, so the public description is built
 * from what the services really serve and cannot drift from them. Paths and operations are taken as they
 * are; a component name two services use for different things is kept apart by prefixing the later one
 * with its service ({@code SupportServiceProblem}) and rewriting its {@code $ref}s. A service whose
 * document could not be fetched is listed in {@code x-kx-unavailable-services} and its paths are absent.
 */
public final class OpenApiMerge {

    /** One service's document, or why there is none. */
    public record Source(String service, JsonNode document, String unavailableReason) {
        public static Source of(String service, JsonNode document) {
            return new Source(service, document, null);
        }

        public static Source unavailable(String service, String reason) {
            return new Source(service, null, reason);
        }
    }

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String REF_PREFIX = "#/components/";

    private OpenApiMerge() {
    }

    public static ObjectNode merge(ObjectNode gatewayDocument, List<Source> sources) {
        ObjectNode merged = gatewayDocument.deepCopy();
        // Without servers, Swagger UI sends "try it out" requests to the origin it was loaded from: the gateway.
        merged.remove("servers");
        ObjectNode paths = merged.withObjectProperty("paths");
        ObjectNode components = merged.withObjectProperty("components");
        ArrayNode sourceList = merged.putArray("x-kx-sources");
        ArrayNode unavailable = merged.putArray("x-kx-unavailable-services");
        for (Source source : sources) {
            ObjectNode entry = sourceList.addObject().put("service", source.service());
            if (source.document() == null || !source.document().isObject()) {
                entry.put("status", "unavailable").put("reason", source.unavailableReason());
                unavailable.add(source.service());
                continue;
            }
            entry.put("status", "included");
            ObjectNode document = source.document().deepCopy();
            Map<String, String> renamed = renameConflictingComponents(components, document, prefixOf(source.service()));
            rewriteRefs(document, renamed);
            mergeComponents(components, document.path("components"));
            mergePaths(paths, document.path("paths"), source.service());
            mergeTags(merged, document.path("tags"));
            if (!merged.has("security") && document.has("security")) {
                merged.set("security", document.get("security"));
            }
        }
        return merged;
    }

    /** Component names this service uses for something else than what is already merged: old ref -> new ref. */
    private static Map<String, String> renameConflictingComponents(ObjectNode merged, ObjectNode document, String prefix) {
        Map<String, String> renamed = new HashMap<>();
        JsonNode theirs = document.path("components");
        for (Iterator<Map.Entry<String, JsonNode>> sections = theirs.fields(); sections.hasNext();) {
            Map.Entry<String, JsonNode> section = sections.next();
            // Security schemes are named in security requirements, not refs: the first definition stands.
            if (section.getKey().equals("securitySchemes") || !section.getValue().isObject()) {
                continue;
            }
            JsonNode ours = merged.path(section.getKey());
            ObjectNode renamedSection = ((ObjectNode) section.getValue()).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> items = section.getValue().fields(); items.hasNext();) {
                Map.Entry<String, JsonNode> item = items.next();
                String name = item.getKey();
                if (ours.has(name) && !ours.get(name).equals(item.getValue())) {
                    String newName = prefix + name;
                    renamed.put(REF_PREFIX + section.getKey() + "/" + name, REF_PREFIX + section.getKey() + "/" + newName);
                    renamedSection.set(newName, item.getValue());
                } else {
                    renamedSection.set(name, item.getValue());
                }
            }
            ((ObjectNode) theirs).set(section.getKey(), renamedSection);
        }
        return renamed;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renamed.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        }
    }

    private static void mergeComponents(ObjectNode merged, JsonNode theirs) {
        for (Iterator<Map.Entry<String, JsonNode>> sections = theirs.fields(); sections.hasNext();) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!section.getValue().isObject()) {
                continue;
            }
            ObjectNode ours = merged.withObjectProperty(section.getKey());
            section.getValue().fields().forEachRemaining(item -> {
                if (!ours.has(item.getKey())) {
                    ours.set(item.getKey(), item.getValue());
                }
            });
        }
    }

    private static void mergePaths(ObjectNode merged, JsonNode theirs, String service) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = theirs.fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getValue().isObject()) {
                continue;
            }
            ObjectNode ours = merged.withObjectProperty(path.getKey());
            path.getValue().fields().forEachRemaining(member -> {
                if (ours.has(member.getKey())) {
                    return;
                }
                JsonNode value = member.getValue().deepCopy();
                if (OPERATIONS.contains(member.getKey()) && value.isObject()) {
                    ((ObjectNode) value).put("x-kx-service", service);
                }
                ours.set(member.getKey(), value);
            });
        }
    }

    private static void mergeTags(ObjectNode merged, JsonNode theirs) {
        if (!theirs.isArray()) {
            return;
        }
        ArrayNode tags = merged.has("tags") && merged.get("tags").isArray() ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
        for (JsonNode tag : theirs) {
            String name = tag.path("name").asText();
            boolean known = false;
            for (JsonNode existing : tags) {
                known |= existing.path("name").asText().equals(name);
            }
            if (!known) {
                tags.add(tag);
            }
        }
    }

    /** {@code support-service} -> {@code SupportService}. */
    static String prefixOf(String service) {
        StringBuilder prefix = new StringBuilder();
        for (String part : service.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return prefix.toString();
    }
}
