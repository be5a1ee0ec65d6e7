package com.kingstonexpress.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the rest of the repository says the deployment must provide: applications, their configuration, EVENTS.md. */
final class Repo {

    /** This module's directory (Surefire's working directory). */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.resolve("../..").normalize();
    static final List<String> SERVICES = List.of("order-service", "fulfillment-service", "messaging-service",
            "support-service", "notification-service");
    static final String GATEWAY = "api-gateway";
    static final List<String> APPLICATIONS = List.of("order-service", "fulfillment-service", "messaging-service",
            "support-service", "notification-service", GATEWAY);

    private Repo() {
    }

    /** An application's own application.properties, base profile only (no %dev, %test lines). */
    static Map<String, String> properties(String application) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : lines(ROOT.resolve(application).resolve("src/main/resources/application.properties"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("%")) {
                continue;
            }
            int eq = l.indexOf('=');
            props.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return props;
    }

    static Set<String> incomingTopics(String service) {
        return values(service, "^mp\\.messaging\\.incoming\\.[^.]+\\.topic$");
    }

    static Set<String> deadLetterTopics(String service) {
        return values(service, "^mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic$");
    }

    static Set<String> consumerGroups(String service) {
        return values(service, "^mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id$");
    }

    private static Set<String> values(String application, String keyPattern) {
        Set<String> out = new LinkedHashSet<>();
        properties(application).forEach((k, v) -> {
            if (k.matches(keyPattern)) {
                out.add(v);
            }
        });
        return out;
    }

    /** The EVENTS.md catalogue: topic to its producer column. */
    static Map<String, String> eventTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `(kx\\.[^`]+)` \\|[^|]*\\|[^|]*\\|([^|]*)\\|");
        for (String line : lines(ROOT.resolve("docs/design/EVENTS.md"))) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                topics.put(m.group(1), m.group(2).strip());
            }
        }
        if (topics.isEmpty()) {
            throw new AssertionError("no topics read from EVENTS.md");
        }
        return topics;
    }

    /** Topics a service produces, by EVENTS.md. */
    static Set<String> producedTopics(String service) {
        Set<String> out = new LinkedHashSet<>();
        eventTopics().forEach((topic, producer) -> {
            if (producer.equals(service)) {
                out.add(topic);
            }
        });
        return out;
    }

    /** Strings that only development and tests may know: the dev key pair, demo webhook secrets, the dev issuer. */
    static List<String> developmentMaterial() {
        List<String> out = new ArrayList<>(List.of("dev-center-secret", "dev-carrier-secret",
                "dev.kingstonexpress.local", "kx/dev-keys"));
        for (Path pem : List.of(ROOT.resolve("platform/platform-web/src/main/resources/kx/dev-keys/dev-jwt-public.pem"),
                ROOT.resolve("platform/platform-infra/src/main/resources/kx/dev-keys/dev-jwt-private.pem"))) {
            for (String line : lines(pem)) {
                if (!line.startsWith("-----") && line.strip().length() >= 40) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
