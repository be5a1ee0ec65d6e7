package com.kingstonexpress.deploy.kubernetes;

import static com.kingstonexpress.deploy.kubernetes.Kustomize.at;
import static com.kingstonexpress.deploy.kubernetes.Kustomize.containers;
import static com.kingstonexpress.deploy.kubernetes.Kustomize.labels;
import static com.kingstonexpress.deploy.kubernetes.Kustomize.maps;
import static com.kingstonexpress.deploy.kubernetes.Kustomize.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The deployment as a cluster would receive it: every manifest parses into the Kubernetes model, and each overlay,
 * resolved as kustomize would, references only Secrets, ConfigMaps, topics, databases and Services that it defines
 * (or that its operators create from resources it defines), and carries none of the development material.
 */
class KubernetesManifestsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Set<String> OPERATOR_GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io");
    private static final Map<Class<?>, String> TYPED = Map.of(Deployment.class, "Deployment", Service.class, "Service",
            ServiceAccount.class, "ServiceAccount", ConfigMap.class, "ConfigMap", Secret.class, "Secret",
            Namespace.class, "Namespace", PodDisruptionBudget.class, "PodDisruptionBudget");

    @Test
    void everyManifestFileParsesIntoTheKubernetesModel() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repo.MODULE)) {
            files = walk.filter(p -> !p.startsWith(Repo.MODULE.resolve("target"))
                            && !p.startsWith(Repo.MODULE.resolve("src"))
                            && (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            && !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        }
        for (String app : Repo.APPLICATIONS) {
            assertTrue(files.contains(Repo.MODULE.resolve("base").resolve(app).resolve("kubernetes.yml")),
                    "base/" + app + "/kubernetes.yml is collected by the build (./mvnw -DskipTests package)");
        }
        int count = 0;
        for (Path file : files) {
            for (Map<String, Object> doc : Kustomize.readDocuments(file)) {
                check(toModel(doc), file.toString());
                count++;
            }
        }
        System.out.printf("%d manifest files, %d resources parsed%n", files.size(), count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyResolvedResourceParsesAndOperatorResourcesHaveTheirRequiredFields(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        Map<String, Long> kinds = new HashMap<>();
        for (Map<String, Object> r : resources) {
            HasMetadata model = toModel(r);
            check(model, overlay + ": " + r.get("kind") + "/" + name(r));
            assertEquals("kingston-express", model.getMetadata().getNamespace() == null && model instanceof Namespace
                    ? "kingston-express" : model.getMetadata().getNamespace(), name(r) + " in the namespace");
            kinds.merge((String) r.get("kind"), 1L, Long::sum);
        }
        Set<String> kafkas = names(resources, "Kafka");
        Set<String> clusters = names(resources, "Cluster");
        for (Map<String, Object> r : resources) {
            if (r.get("apiVersion").toString().startsWith("kafka.strimzi.io") && !"Kafka".equals(r.get("kind"))) {
                assertTrue(kafkas.contains((String) labels(r).get("strimzi.io/cluster")),
                        name(r) + " names a Kafka cluster of the overlay");
            }
            if ("Database".equals(r.get("kind"))) {
                assertTrue(clusters.contains((String) at(r, "spec", "cluster", "name")), name(r) + "'s cluster");
            }
        }
        System.out.printf("overlay %s: %d resources %s%n", overlay, resources.size(), new java.util.TreeMap<>(kinds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everySecretConfigMapAndServiceAccountReferencedExists(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        Map<String, Set<String>> configMaps = new HashMap<>();
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Map<String, Object> r : resources) {
            if ("ConfigMap".equals(r.get("kind"))) {
                configMaps.put(name(r), keys(r.get("data")));
            } else if ("Secret".equals(r.get("kind"))) {
                secrets.put(name(r), keys(r.get("data")));
            } else if ("KafkaUser".equals(r.get("kind"))) {
                // Written by Strimzi's User Operator for a SCRAM-SHA-512 user.
                secrets.put(name(r), Set.of("password", "sasl.jaas.config"));
            } else if ("Kafka".equals(r.get("kind"))) {
                // Written by Strimzi's Cluster Operator: the cluster CA that clients trust.
                secrets.put(name(r) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
            }
        }
        Set<String> serviceAccounts = names(resources, "ServiceAccount");
        List<String> missing = new ArrayList<>();
        int references = 0;
        for (Map<String, Object> w : workloads(resources)) {
            String where = overlay + ": " + name(w);
            Object account = at(w, "spec", "template", "spec", "serviceAccountName");
            if (account != null && !serviceAccounts.contains(account)) {
                missing.add(where + ": ServiceAccount " + account);
            }
            for (Map<String, Object> c : containers(w)) {
                for (Map<String, Object> env : maps(c.get("env"))) {
                    references += ref(missing, where, "Secret", secrets, at(env, "valueFrom", "secretKeyRef"));
                    references += ref(missing, where, "ConfigMap", configMaps, at(env, "valueFrom", "configMapKeyRef"));
                }
                for (Map<String, Object> from : maps(c.get("envFrom"))) {
                    references += ref(missing, where, "Secret", secrets, from.get("secretRef"));
                    references += ref(missing, where, "ConfigMap", configMaps, from.get("configMapRef"));
                }
            }
            for (Map<String, Object> v : maps(at(w, "spec", "template", "spec", "volumes"))) {
                Object secret = at(v, "secret", "secretName");
                if (secret != null) {
                    references++;
                    if (!secrets.containsKey(secret)) {
                        missing.add(where + ": Secret " + secret + " (volume)");
                    }
                }
                references += ref(missing, where, "ConfigMap", configMaps, v.get("configMap"));
            }
        }
        assertEquals(List.of(), missing, "references to things the overlay does not define");
        System.out.printf("overlay %s: %d references to Secrets and ConfigMaps, all defined%n", overlay, references);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyApplicationRunsWithResourcesProbesAndAServiceThatSelectsIt(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        assertEquals(new TreeSet<>(Repo.APPLICATIONS), new TreeSet<>(names(resources, "Deployment")));
        for (Map<String, Object> d : workloads(resources)) {
            Map<String, Object> c = maps(at(d, "spec", "template", "spec", "containers")).get(0);
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertTrue(at(c, "resources", kind, resource) != null, name(d) + " " + kind + "." + resource);
                }
            }
            // Container ports by name; a probe or annotation may give either the name or the number.
            Map<String, Integer> ports = new HashMap<>();
            maps(c.get("ports")).forEach(p -> ports.put((String) p.get("name"), (Integer) p.get("containerPort")));
            String app = name(d);
            int httpPort = Repo.httpPort(app);
            assertEquals(httpPort, ports.get("http"), app + " declares its HTTP port (quarkus.http.port)");
            // Where health is served in production: the main port unless the management interface is on and health
            // is moved onto it (quarkus.smallrye-health.management.enabled, default true).
            boolean managementOn = Boolean.parseBoolean(Repo.effectiveProperty(app, "quarkus.management.enabled"));
            int managementPort = Integer.parseInt(Objects.requireNonNullElse(
                    Repo.effectiveProperty(app, "quarkus.management.port"), "9000"));
            boolean healthOnManagement = managementOn && !"false".equals(
                    Repo.effectiveProperty(app, "quarkus.smallrye-health.management.enabled"));
            int healthPort = healthOnManagement ? managementPort : httpPort;
            Map<String, String> probePaths = Map.of("livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready",
                    "startupProbe", "/q/health/started");
            probePaths.forEach((probe, path) -> {
                assertEquals(path, at(c, probe, "httpGet", "path"), app + " " + probe + " path");
                Object port = at(c, probe, "httpGet", "port");
                Integer resolved = port instanceof Integer i ? i : ports.get(String.valueOf(port));
                assertTrue(ports.containsValue(resolved), app + " " + probe + " on a port the container declares: " + port);
                assertEquals(healthPort, resolved, app + " " + probe + " on the port that serves health"
                        + (healthOnManagement ? " (management)" : " (main; health is not on the management port)"));
            });
            // Metrics: only on the management interface, which the pod must declare and the scrape annotations name.
            assertTrue(managementOn, app + " serves /q/metrics on the management interface");
            assertEquals(managementPort, ports.get("management"), app + " declares the management port");
            Map<String, Object> podAnnotations = (Map<String, Object>) at(d, "spec", "template", "metadata", "annotations");
            Map<String, Object> service = byName(resources, "Service", name(d));
            for (Map<String, Object> annotations : List.of(podAnnotations,
                    (Map<String, Object>) Objects.requireNonNullElse(at(service, "metadata", "annotations"), Map.of()))) {
                assertEquals("true", annotations.get("prometheus.io/scrape"), app + " is scraped");
                assertEquals("/q/metrics", annotations.get("prometheus.io/path"), app + " metrics path");
                assertEquals(String.valueOf(managementPort), annotations.get("prometheus.io/port"),
                        app + " is scraped on the management port");
            }
            assertFalse(maps(at(service, "spec", "ports")).stream().anyMatch(p -> Objects.equals(p.get("targetPort"), managementPort)
                    || "management".equals(p.get("targetPort"))), app + "'s Service does not route to the management port");
            Map<String, Object> podLabels = (Map<String, Object>) at(d, "spec", "template", "metadata", "labels");
            Map<String, Object> selector = (Map<String, Object>) at(service, "spec", "selector");
            assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), name(d) + "'s Service selects its pods");
            assertTrue(podLabels.entrySet().containsAll(((Map<String, Object>) at(d, "spec", "selector", "matchLabels"))
                    .entrySet()), name(d) + "'s selector matches its pods");
        }
    }

    /** README, production checklist: only the gateway reaches the services; the management port stays scrapable. */
    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    @SuppressWarnings("unchecked")
    void onlyTheGatewayReachesTheServicesHttpPort(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        List<Map<String, Object>> policies = resources.stream().filter(r -> "NetworkPolicy".equals(r.get("kind"))).toList();
        Map<String, Object> gatewayLabels = (Map<String, Object>) at(byName(resources, "Deployment", Repo.GATEWAY),
                "spec", "template", "metadata", "labels");
        for (Map<String, Object> d : workloads(resources)) {
            Map<String, Object> podLabels = (Map<String, Object>) at(d, "spec", "template", "metadata", "labels");
            List<Map<String, Object>> selecting = policies.stream()
                    .filter(p -> selects((Map<String, Object>) at(p, "spec", "podSelector"), podLabels)).toList();
            if (name(d).equals(Repo.GATEWAY)) {
                assertEquals(List.of(), selecting, "the gateway is the entry point: no policy restricts it");
                continue;
            }
            assertFalse(selecting.isEmpty(), overlay + ": a NetworkPolicy selects " + name(d));
            boolean gatewayAllowed = false;
            boolean managementOpen = false;
            for (Map<String, Object> policy : selecting) {
                for (Map<String, Object> rule : maps(at(policy, "spec", "ingress"))) {
                    List<Object> ports = maps(rule.get("ports")).stream().map(p -> p.get("port")).toList();
                    boolean http = ports.isEmpty() || ports.contains("http") || ports.contains(Repo.httpPort(name(d)));
                    List<Map<String, Object>> from = maps(rule.get("from"));
                    if (http) {
                        assertFalse(from.isEmpty(), name(policy) + " opens " + name(d) + "'s HTTP port to everyone");
                        for (Map<String, Object> peer : from) {
                            assertEquals(Set.of("podSelector"), peer.keySet(), name(policy) + ": pods of this namespace only");
                            assertTrue(selects((Map<String, Object>) peer.get("podSelector"), gatewayLabels)
                                    && !selects((Map<String, Object>) peer.get("podSelector"), podLabels),
                                    name(policy) + " lets only the gateway reach " + name(d));
                        }
                        gatewayAllowed = true;
                    }
                    managementOpen |= from.isEmpty() && ports.contains("management");
                }
            }
            assertTrue(gatewayAllowed, "the gateway reaches " + name(d));
            assertTrue(managementOpen, name(d) + "'s management port is open to Prometheus");
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        Map<String, Object> match = (Map<String, Object>) selector.getOrDefault("matchLabels", Map.of());
        if (!labels.entrySet().containsAll(match.entrySet())) {
            return false;
        }
        for (Map<String, Object> e : maps(selector.get("matchExpressions"))) {
            Object value = labels.get(e.get("key"));
            List<String> values = Kustomize.list(e.get("values"));
            boolean ok = switch ((String) e.get("operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("operator " + e.get("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** README, production checklist: without these an application refuses to start outside dev and test. */
    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyApplicationGetsWhatTheProductionChecklistRequires(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        for (Map<String, Object> d : workloads(resources)) {
            String app = name(d);
            Map<String, Object> c = maps(at(d, "spec", "template", "spec", "containers")).get(0);
            Set<String> provided = new HashSet<>();
            maps(c.get("env")).forEach(e -> provided.add((String) e.get("name")));
            for (Map<String, Object> from : maps(c.get("envFrom"))) {
                Object configMap = at(from, "configMapRef", "name");
                Object secret = at(from, "secretRef", "name");
                Map<String, Object> source = configMap != null ? byName(resources, "ConfigMap", (String) configMap)
                        : byName(resources, "Secret", (String) secret);
                provided.addAll(keys(source.get("data")));
            }
            List<String> required = new ArrayList<>(List.of("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                    "MP_JWT_VERIFY_AUDIENCES"));
            if (Repo.SERVICES.contains(app)) {
                required.addAll(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                        "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL",
                        "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_LOCATION"));
            }
            for (String var : required) {
                assertTrue(provided.contains(var), overlay + ": " + app + " is given " + var);
            }
        }
        // fulfillment-service reads its webhook senders' secrets from a file in a mounted Secret.
        Map<String, Object> fulfillment = byName(resources, "Deployment", "fulfillment-service");
        Map<String, Object> c = maps(at(fulfillment, "spec", "template", "spec", "containers")).get(0);
        String location = maps(c.get("env")).stream().filter(e -> "QUARKUS_CONFIG_LOCATIONS".equals(e.get("name")))
                .map(e -> (String) e.get("value")).findFirst().orElseThrow(() -> new AssertionError("QUARKUS_CONFIG_LOCATIONS"));
        Path file = Path.of(location);
        Map<String, Object> mount = maps(c.get("volumeMounts")).stream()
                .filter(m -> file.getParent().equals(Path.of((String) m.get("mountPath")))).findFirst()
                .orElseThrow(() -> new AssertionError(location + " is in a mounted volume"));
        Map<String, Object> volume = maps(at(fulfillment, "spec", "template", "spec", "volumes")).stream()
                .filter(v -> mount.get("name").equals(v.get("name"))).findFirst().orElseThrow();
        Map<String, Object> secret = byName(resources, "Secret", (String) at(volume, "secret", "secretName"));
        assertTrue(keys(secret.get("data")).contains(file.getFileName().toString()),
                overlay + ": the webhook secrets file is a key of Secret " + name(secret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyTopicHasAKafkaTopicAndEveryServiceItsAclsAndNoMore(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        Set<String> expectedTopics = new TreeSet<>();
        Repo.eventTopics().keySet().forEach(t -> {
            expectedTopics.add(t);
            expectedTopics.add(t + ".dlq");
        });
        Set<String> topics = resources.stream().filter(r -> "KafkaTopic".equals(r.get("kind")))
                .map(r -> (String) at(r, "spec", "topicName")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedTopics, topics, "one KafkaTopic per EVENTS.md topic and its .dlq");
        Set<String> inCode = Repo.topicsInCode();
        assertTrue(inCode.size() >= 6, "topics found in the code: " + inCode);
        assertTrue(topics.containsAll(inCode), "a KafkaTopic for every topic the code names; missing: "
                + inCode.stream().filter(t -> !topics.contains(t)).toList());
        for (Map<String, Object> t : resources) {
            if ("KafkaTopic".equals(t.get("kind"))) {
                int replicas = (Integer) at(t, "spec", "replicas");
                int minIsr = Integer.parseInt((String) at(t, "spec", "config", "min.insync.replicas"));
                assertTrue(minIsr <= replicas && (replicas == 1 || minIsr < replicas),
                        name(t) + ": min.insync.replicas " + minIsr + " of " + replicas + " replicas");
            }
        }

        Set<String> users = new TreeSet<>();
        for (String service : Repo.SERVICES) {
            Map<String, Object> user = byName(resources, "KafkaUser", service);
            users.add(service);
            Set<String> read = new TreeSet<>();
            Set<String> write = new TreeSet<>();
            List<String> groupPrefixes = new ArrayList<>();
            List<String> transactionalIds = new ArrayList<>();
            for (Map<String, Object> acl : maps(at(user, "spec", "authorization", "acls"))) {
                String type = (String) at(acl, "resource", "type");
                String resourceName = (String) at(acl, "resource", "name");
                String pattern = (String) at(acl, "resource", "patternType");
                List<String> ops = Kustomize.list(acl.get("operations"));
                if (type.equals("group")) {
                    assertTrue(resourceName.startsWith(service + "."), service + " uses only its own groups: " + resourceName);
                    groupPrefixes.add(pattern.equals("prefix") ? resourceName : "=" + resourceName);
                    continue;
                }
                if (type.equals("transactionalId")) {
                    transactionalIds.add(resourceName + " " + pattern + " " + ops);
                    continue;
                }
                assertEquals("topic", type, service + ": ACLs on topics, groups and the relay's transactional id only");
                assertEquals("literal", pattern, service + ": topic ACLs name one topic each");
                assertTrue(Set.of("Read", "Write", "Describe").containsAll(ops), service + " ops " + ops);
                if (ops.contains("Read")) {
                    read.add(resourceName);
                }
                if (ops.contains("Write")) {
                    write.add(resourceName);
                }
            }
            assertEquals(new TreeSet<>(Repo.incomingTopics(service)), read, service + " reads exactly what it consumes");
            Set<String> mayWrite = new TreeSet<>(Repo.producedTopics(service));
            mayWrite.addAll(Repo.deadLetterTopics(service));
            assertEquals(mayWrite, write, service + " writes exactly what it produces (EVENTS.md) and its dead letters");
            // The outbox relay publishes in Kafka transactions under kx.outbox.transactional-id's default.
            assertEquals(Repo.producedTopics(service).isEmpty() ? List.of() : List.of("kx-outbox-relay." + service + " literal [Write, Describe]"),
                    transactionalIds, service + " may write its relay's transactional id, if it produces, and no other");
            for (String group : Repo.consumerGroups(service)) {
                assertTrue(groupPrefixes.stream().anyMatch(p -> p.startsWith("=") ? p.equals("=" + group)
                        : group.startsWith(p)), service + " may use its group " + group);
            }
            // The Deployment authenticates as this user.
            Map<String, Object> deployment = byName(resources, "Deployment", service);
            assertEquals(service, envSource(deployment, "KAFKA_SASL_JAAS_CONFIG"), service + " uses its own KafkaUser");
        }
        for (Map<String, Object> user : resources) {
            if (!"KafkaUser".equals(user.get("kind")) || users.contains(name(user))) {
                continue;
            }
            assertEquals("fulfillment-center", labels(user).get("kingstonexpress.com/role"),
                    name(user) + " is a service or a fulfillment center");
            for (Map<String, Object> acl : maps(at(user, "spec", "authorization", "acls"))) {
                assertEquals("topic", at(acl, "resource", "type"), name(user));
                assertEquals("kx.fulfillment.center-events.v1", at(acl, "resource", "name"), name(user));
                assertEquals("literal", at(acl, "resource", "patternType"), name(user));
                assertTrue(Set.of("Write", "Describe").containsAll(Kustomize.list(acl.get("operations"))),
                        name(user) + " may only write its events");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyServiceDatabaseExistsWithItsRoleAndUrl(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        Map<String, Object> cluster = resources.stream().filter(r -> "Cluster".equals(r.get("kind"))).findFirst().orElseThrow();
        Map<String, String> roles = new HashMap<>();
        maps(at(cluster, "spec", "managed", "roles"))
                .forEach(r -> roles.put((String) r.get("name"), (String) at(r, "passwordSecret", "name")));
        for (String service : Repo.SERVICES) {
            String url = Repo.properties(service).get("quarkus.datasource.jdbc.url");
            String database = URI.create(url.substring("jdbc:".length())).getPath().substring(1);
            Map<String, Object> db = resources.stream().filter(r -> "Database".equals(r.get("kind"))
                    && database.equals(at(r, "spec", "name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no Database " + database + " for " + service));
            String owner = (String) at(db, "spec", "owner");
            assertEquals(service + "-db", roles.get(owner), owner + " is a managed role with the password of " + service);
            Map<String, Object> secret = byName(resources, "Secret", service + "-db");
            assertEquals(owner, decode(secret, "username"), service + " logs in as its database's owner");
            assertEquals("kubernetes.io/basic-auth", secret.get("type"), "CloudNativePG reads basic-auth Secrets");
            String configMap = envSource(byName(resources, "Deployment", service), "QUARKUS_DATASOURCE_JDBC_URL");
            String deployedUrl = (String) at(byName(resources, "ConfigMap", configMap), "data", "QUARKUS_DATASOURCE_JDBC_URL");
            URI deployed = URI.create(deployedUrl.substring("jdbc:".length()));
            assertEquals(database, deployed.getPath().substring(1), service + "'s deployed JDBC URL");
            assertEquals(name(cluster) + "-rw", deployed.getHost(), service + " writes to the primary");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void theGatewayRoutesOnlyToServicesOfTheOverlay(String overlay) {
        List<Map<String, Object>> resources = overlay(overlay);
        Map<String, Object> gateway = byName(resources, "Deployment", Repo.GATEWAY);
        Map<String, String> env = new HashMap<>();
        maps(at(gateway, "spec", "template", "spec", "containers", "0")).forEach(e -> { });
        Map<String, Object> container = maps(at(gateway, "spec", "template", "spec", "containers")).get(0);
        maps(container.get("env")).forEach(e -> env.put((String) e.get("name"), (String) e.get("value")));
        Set<String> routed = new TreeSet<>();
        for (String key : Repo.properties(Repo.GATEWAY).keySet()) {
            if (!key.matches("kx\\.gateway\\.services\\.[a-z]+\\.url")) {
                continue;
            }
            String var = key.toUpperCase().replace('.', '_').replace('-', '_');
            String url = env.get(var);
            assertTrue(url != null, "the gateway's " + key + " is set for the cluster (" + var + ")");
            URI uri = URI.create(url);
            Map<String, Object> service = byName(resources, "Service", uri.getHost());
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            assertTrue(maps(at(service, "spec", "ports")).stream().anyMatch(p -> Objects.equals(p.get("port"), port)),
                    url + " is a port of Service " + uri.getHost());
            routed.add(uri.getHost());
        }
        assertEquals(new TreeSet<>(Repo.SERVICES), routed, "the gateway routes to every service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void noDevelopmentMaterialAnywhere(String overlay) throws IOException {
        List<Map<String, Object>> resources = overlay(overlay);
        String text = Kustomize.YAML.writeValueAsString(resources);
        StringBuilder decoded = new StringBuilder();
        for (Map<String, Object> r : resources) {
            if ("Secret".equals(r.get("kind"))) {
                for (String key : keys(r.get("data"))) {
                    String value = decode(r, key);
                    decoded.append(value).append('\n');
                    assertFalse(key.toLowerCase().contains("password") && value.strip().equals("postgres"),
                            name(r) + " has the development password");
                }
            }
            for (Map<String, Object> c : containers(r)) {
                for (Map<String, Object> env : maps(c.get("env"))) {
                    String var = (String) env.get("name");
                    assertFalse(var.contains("PASSWORD") && env.get("value") != null,
                            name(r) + ": " + var + " is a literal, not a Secret");
                    assertFalse(var.equals("QUARKUS_PROFILE"), name(r) + " runs a profile other than prod");
                }
            }
        }
        for (String material : Repo.developmentMaterial()) {
            assertFalse(text.contains(material) || decoded.toString().contains(material),
                    overlay + " contains development material: " + material);
        }
        try (Stream<Path> walk = Files.walk(Repo.MODULE)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(Repo.MODULE.resolve("target"))
                    && !p.startsWith(Repo.MODULE.resolve("src"))).toList()) {
                String content = Files.readString(file);
                for (String material : Repo.developmentMaterial()) {
                    assertFalse(content.contains(material), file + " contains development material: " + material);
                }
            }
        }
    }

    @Test
    void productionRunsReleasedImagesWithSeveralReplicasAndDisruptionBudgets() {
        List<Map<String, Object>> resources = overlay("production");
        for (Map<String, Object> d : workloads(resources)) {
            for (Map<String, Object> c : containers(d)) {
                String image = (String) c.get("image");
                String tag = image.substring(Kustomize.imageRepository(image).length());
                assertTrue(tag.startsWith(":") || tag.startsWith("@"), image + " has a tag");
                assertFalse(tag.equals(":latest") || tag.endsWith("-SNAPSHOT"), image + " is a released image");
            }
            assertTrue((Integer) at(d, "spec", "replicas") >= 2, name(d) + " has replicas to spare");
            Map<String, Object> podLabels = (Map<String, Object>) at(d, "spec", "template", "metadata", "labels");
            assertTrue(resources.stream().anyMatch(r -> "PodDisruptionBudget".equals(r.get("kind"))
                    && podLabels.entrySet().containsAll(((Map<String, Object>) at(r, "spec", "selector", "matchLabels"))
                    .entrySet())), name(d) + " has a disruption budget");
        }
        for (Map<String, Object> topic : resources) {
            if ("KafkaTopic".equals(topic.get("kind"))) {
                assertEquals(3, at(topic, "spec", "replicas"), name(topic));
                assertEquals("2", at(topic, "spec", "config", "min.insync.replicas"), name(topic));
            }
        }
    }

    // ---- helpers

    static List<Map<String, Object>> overlay(String name) {
        return Kustomize.build(Repo.MODULE.resolve("overlays").resolve(name));
    }

    private static HasMetadata toModel(Map<String, Object> doc) {
        try {
            return SERIALIZATION.unmarshal(Kustomize.JSON.writeValueAsString(doc));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Core kinds land on their model classes; operator kinds stay generic and must carry their required fields. */
    private static void check(HasMetadata model, String where) {
        String group = model.getApiVersion().contains("/") ? model.getApiVersion().split("/")[0] : "";
        assertTrue(model.getMetadata() != null && model.getMetadata().getName() != null, where + ": a name");
        if (OPERATOR_GROUPS.contains(group)) {
            assertTrue(model instanceof GenericKubernetesResource, where);
            GenericKubernetesResource g = (GenericKubernetesResource) model;
            String what = where + " " + g.getKind() + "/" + g.getMetadata().getName();
            switch (g.getKind()) {
                case "Kafka" -> {
                    assertEquals("enabled", g.getMetadata().getAnnotations().get("strimzi.io/kraft"), what + " KRaft");
                    assertEquals("enabled", g.getMetadata().getAnnotations().get("strimzi.io/node-pools"), what);
                    assertFalse(((List<?>) g.get("spec", "kafka", "listeners")).isEmpty(), what + " listeners");
                    assertEquals("simple", g.get("spec", "kafka", "authorization", "type"), what + " ACLs enforced");
                    assertEquals(false, g.get("spec", "kafka", "config", "auto.create.topics.enable"), what);
                    assertTrue(g.get("spec", "entityOperator", "topicOperator") != null
                            && g.get("spec", "entityOperator", "userOperator") != null, what + " operators");
                }
                case "KafkaNodePool" -> {
                    assertTrue((Integer) g.get("spec", "replicas") > 0, what + " replicas");
                    assertTrue(((List<?>) g.get("spec", "roles")).containsAll(List.of("broker", "controller")), what);
                    assertTrue(g.get("spec", "storage", "type") != null, what + " storage");
                }
                case "KafkaTopic" -> {
                    assertTrue(g.get("spec", "topicName") != null, what + " topicName");
                    assertTrue((Integer) g.get("spec", "partitions") > 0 && (Integer) g.get("spec", "replicas") > 0, what);
                    assertTrue(g.get("spec", "config", "retention.ms") != null, what + " retention");
                    assertTrue(g.get("spec", "config", "min.insync.replicas") != null, what + " min.insync.replicas");
                }
                case "KafkaUser" -> {
                    assertEquals("scram-sha-512", g.get("spec", "authentication", "type"), what);
                    assertFalse(((List<?>) g.get("spec", "authorization", "acls")).isEmpty(), what + " acls");
                }
                case "Cluster" -> {
                    assertTrue((Integer) g.get("spec", "instances") > 0, what + " instances");
                    assertTrue(g.get("spec", "storage", "size") != null, what + " storage");
                }
                case "Database" -> {
                    assertTrue(g.get("spec", "name") != null && g.get("spec", "owner") != null, what);
                    assertTrue(g.get("spec", "cluster", "name") != null, what + " cluster");
                }
                default -> throw new AssertionError("unexpected operator resource " + what);
            }
            if (group.equals("kafka.strimzi.io") && !g.getKind().equals("Kafka")) {
                assertTrue(g.getMetadata().getLabels().get("strimzi.io/cluster") != null, what + " names its cluster");
            }
        } else {
            assertFalse(model instanceof GenericKubernetesResource, where + ": " + model.getKind() + " is a known kind");
            if (TYPED.containsValue(model.getKind())) {
                assertTrue(TYPED.get(model.getClass()) != null, where + " " + model.getClass());
            }
        }
    }

    private static int ref(List<String> missing, String where, String kind, Map<String, Set<String>> defined, Object ref) {
        if (!(ref instanceof Map<?, ?> r)) {
            return 0;
        }
        if (Boolean.TRUE.equals(r.get("optional"))) {
            return 1;
        }
        Set<String> keys = defined.get(r.get("name"));
        if (keys == null) {
            missing.add(where + ": " + kind + " " + r.get("name"));
        } else if (r.get("key") != null && !keys.contains(r.get("key"))) {
            missing.add(where + ": key " + r.get("key") + " of " + kind + " " + r.get("name"));
        }
        return 1;
    }

    /** The Secret or ConfigMap a Deployment's env var comes from. */
    static String envSource(Map<String, Object> deployment, String var) {
        Map<String, Object> c = maps(at(deployment, "spec", "template", "spec", "containers")).get(0);
        for (Map<String, Object> env : maps(c.get("env"))) {
            if (var.equals(env.get("name"))) {
                Object ref = Objects.requireNonNullElse(at(env, "valueFrom", "secretKeyRef"),
                        at(env, "valueFrom", "configMapKeyRef"));
                return (String) at(ref, "name");
            }
        }
        throw new AssertionError(name(deployment) + " has no " + var);
    }

    static List<Map<String, Object>> workloads(List<Map<String, Object>> resources) {
        return resources.stream().filter(r -> "Deployment".equals(r.get("kind"))).toList();
    }

    static Map<String, Object> byName(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(name(r))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Set<String> names(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).map(Kustomize::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keys(Object data) {
        return data == null ? Set.of() : ((Map<String, Object>) data).keySet();
    }

    private static String decode(Map<String, Object> secret, String key) {
        Object v = at(secret, "data", key);
        return v == null ? null : new String(Base64.getDecoder().decode((String) v), StandardCharsets.UTF_8);
    }
}
