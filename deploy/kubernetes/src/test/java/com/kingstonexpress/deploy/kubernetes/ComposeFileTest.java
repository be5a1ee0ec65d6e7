package com.kingstonexpress.deploy.kubernetes;

import static com.kingstonexpress.deploy.kubernetes.Kustomize.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * deploy/compose cannot run here (no Docker), so this checks what it can: the file parses (anchors and merge keys
 * resolved as Compose does), every application gets the variables it reads in production and only those, points at
 * the right database, broker and services, and nothing in the directory is development material.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Repo.ROOT.resolve("deploy/compose");
    /** Variables the applications read that are not the env form of a key in their own properties (README). */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_CONFIG_LOCATIONS", "JAVA_OPTS_APPEND");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE.resolve("compose.yaml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> services, String service) {
        Map<String, Object> raw = (Map<String, Object>) at(services, service, "environment");
        Map<String, String> env = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @Test
    void everyApplicationRunsFromItsImageWithTheInfrastructure() throws IOException {
        Map<String, Object> services = services();
        Set<String> expected = new TreeSet<>(Repo.APPLICATIONS);
        expected.addAll(List.of("postgres", "kafka"));
        assertEquals(expected, new TreeSet<>(services.keySet()));
        for (String app : Repo.APPLICATIONS) {
            String image = (String) at(services, app, "image");
            assertTrue(image.matches("\\$\\{KX_IMAGE_REGISTRY:-docker\\.io}/kingstonexpress/" + app + ":\\$\\{KX_IMAGE_TAG:-[^}]+}"),
                    app + " runs the image Jib builds (group kingstonexpress, name " + app + "): " + image);
        }
        // Only the gateway is published: the services are reached through it, as in every other deployment.
        for (String service : services.keySet()) {
            assertEquals(service.equals(Repo.GATEWAY), at(services, service, "ports") != null, service + " published");
        }
    }

    @Test
    void everyApplicationGetsTheVariablesItReadsAndNoOthers() throws IOException {
        Map<String, Object> services = services();
        String kafkaListener = env(services, "kafka").get("KAFKA_ADVERTISED_LISTENERS");
        String initdb = Files.readString(COMPOSE.resolve("initdb/10-kx-databases.sh"));
        for (String app : Repo.APPLICATIONS) {
            Map<String, String> env = env(services, app);
            Set<String> known = new HashSet<>(PLATFORM_VARIABLES);
            Repo.properties(app).keySet().forEach(k -> known.add(k.toUpperCase().replaceAll("[^A-Z0-9]", "_")));
            List<String> unknown = env.keySet().stream().filter(v -> !known.contains(v)).toList();
            assertEquals(List.of(), unknown, app + ": variables it does not read");
            assertTrue(env.get("MP_JWT_VERIFY_ISSUER").startsWith("${"), app + ": the issuer comes from .env");
            assertTrue(mounts(services, app).contains(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")),
                    app + ": the token verification key is mounted");
            if (!Repo.SERVICES.contains(app)) {
                continue;
            }
            assertEquals(PLATFORM_VARIABLES.stream().filter(v -> !v.equals("QUARKUS_CONFIG_LOCATIONS")
                    || app.equals("fulfillment-service")).collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                    new TreeSet<>(env.keySet()), app + " variables");
            String database = URI.create(Repo.properties(app).get("quarkus.datasource.jdbc.url").substring(5)).getPath();
            URI url = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring(5));
            assertEquals("postgres", url.getHost(), app + "'s database host");
            assertEquals(database, url.getPath(), app + "'s database");
            String role = env.get("QUARKUS_DATASOURCE_USERNAME");
            assertTrue(initdb.contains("create " + role + " " + database.substring(1) + " \""),
                    "initdb creates " + database + " owned by " + role);
            assertTrue(env.get("QUARKUS_DATASOURCE_PASSWORD").matches("\\$\\{[A-Z_]+:\\?.*}"),
                    app + "'s database password is required from .env");
            assertTrue(kafkaListener.endsWith("://" + env.get("KAFKA_BOOTSTRAP_SERVERS")),
                    app + " reaches Kafka where it advertises itself: " + kafkaListener);
        }
        Map<String, String> fulfillment = env(services, "fulfillment-service");
        assertTrue(mounts(services, "fulfillment-service").contains(fulfillment.get("QUARKUS_CONFIG_LOCATIONS")),
                "the webhook secrets file is mounted");
    }

    @Test
    void theGatewayRoutesToEveryServiceOnItsPort() throws IOException {
        Map<String, Object> services = services();
        Map<String, String> env = env(services, Repo.GATEWAY);
        Set<String> routed = new TreeSet<>();
        for (String key : Repo.properties(Repo.GATEWAY).keySet()) {
            if (!key.matches("kx\\.gateway\\.services\\.[a-z]+\\.url")) {
                continue;
            }
            String url = env.get(key.toUpperCase().replace('.', '_'));
            assertTrue(url != null, "the gateway's " + key + " is set");
            URI uri = URI.create(url);
            assertTrue(services.containsKey(uri.getHost()), url + " names a compose service");
            assertEquals(Repo.httpPort(uri.getHost()), uri.getPort(), url + " is " + uri.getHost() + "'s HTTP port");
            routed.add(uri.getHost());
        }
        assertEquals(new TreeSet<>(Repo.SERVICES), routed);
        assertEquals(List.of("${KX_GATEWAY_PORT:-8080}:" + Repo.httpPort(Repo.GATEWAY)), at(services, Repo.GATEWAY, "ports"));
    }

    @Test
    void noDevelopmentMaterialInTheComposeDirectory() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(COMPOSE)) {
            // .env and secrets/ are written by ./setup on the user's machine and git-ignored.
            walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(COMPOSE.resolve("secrets"))
                    && !p.getFileName().toString().equals(".env")).forEach(files::add);
        }
        assertTrue(files.size() >= 4, files.toString());
        for (Path file : files) {
            String content = Files.readString(file);
            for (String material : Repo.developmentMaterial()) {
                assertFalse(content.contains(material), file + " contains development material: " + material);
            }
            assertFalse(content.matches("(?s).*PASSWORD[:=] *postgres\\b.*"), file + " has the development password");
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> mounts(Map<String, Object> services, String service) {
        Set<String> targets = new HashSet<>();
        for (Object volume : (List<Object>) at(services, service, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            targets.add(parts[1]);
        }
        return targets;
    }
}
