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
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        return readProperties(ROOT.resolve(application).resolve("src/main/resources/application.properties"));
    }

    private static Map<String, String> readProperties(Path file) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : lines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("%")) {
                continue;
            }
            int eq = l.indexOf('=');
            props.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return props;
    }

    /**
     * A property as the application sees it in production: its application.properties over the platform defaults
     * (platform-data's over platform-web's), base profile only; null when none of them sets it.
     */
    static String effectiveProperty(String application, String key) {
        String own = properties(application).get(key);
        if (own != null) {
            return own;
        }
        for (String platform : List.of("platform-data", "platform-web")) {
            if (platform.equals("platform-data") && !SERVICES.contains(application)) {
                continue;
            }
            String value = readProperties(ROOT.resolve("platform").resolve(platform)
                    .resolve("src/main/resources/META-INF/microprofile-config.properties")).get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The port the application's HTTP server listens on in production (quarkus.http.port). */
    static int httpPort(String application) {
        return Integer.parseInt(Objects.requireNonNull(effectiveProperty(application, "quarkus.http.port"),
                application + " sets quarkus.http.port"));
    }

    /** Every Kafka topic the code names: string literals in main sources and the incoming channels' topics. */
    static Set<String> topicsInCode() {
        Set<String> out = new LinkedHashSet<>();
        Pattern literal = Pattern.compile("\"(kx\\.[a-z0-9.-]+)\"");
        for (String application : APPLICATIONS) {
            out.addAll(incomingTopics(application));
            out.addAll(deadLetterTopics(application));
            try (Stream<Path> walk = Files.walk(ROOT.resolve(application).resolve("src/main/java"))) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        if (m.group(1).matches("kx\\.[a-z.-]+\\.v[0-9]+(\\.dlq)?")) {
                            out.add(m.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
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
