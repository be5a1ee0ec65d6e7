package com.kingstonexpress.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Contract checks for events: a producer validates what it really publishes against its checked-in JSON
 * Schema; a consumer validates the events it is tested with against the producer's schema, read from the
 * producer's module in this repository ({@code ../order-service/src/main/resources/event-schemas/...}).
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContracts() {
    }

    /**
     * The schema of a producer's event type, e.g. {@code schemaOf("order-service", "order.placed.v1")}.
     * Works from any module's directory (Surefire runs tests in the module's base directory).
     */
    public static Path schemaOf(String producerModule, String eventType) {
        Path local = Path.of("src/main/resources/event-schemas", eventType + ".json");
        Path sibling = Path.of("..", producerModule, "src/main/resources/event-schemas", eventType + ".json");
        if (Path.of("").toAbsolutePath().getFileName().toString().equals(producerModule) && Files.exists(local)) {
            return local;
        }
        if (Files.exists(sibling)) {
            return sibling;
        }
        throw new AssertionError("no schema for " + eventType + " in " + producerModule + " (looked at " + sibling.toAbsolutePath() + ")");
    }

    /** Fails with every violation if {@code eventJson} (a whole CloudEvent) does not match the schema. */
    public static void assertMatches(Path schema, String eventJson) {
        try {
            JsonSchema s = FACTORY.getSchema(Files.readString(schema));
            JsonNode event = JSON.readTree(eventJson);
            Set<ValidationMessage> errors = s.validate(event);
            if (!errors.isEmpty()) {
                throw new AssertionError("event does not match " + schema.getFileName() + ": "
                        + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "))
                        + "\n" + eventJson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
