package com.kingstonexpress.deploy.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small kustomize: enough of it to resolve this repository's kustomizations the way {@code kubectl apply -k} does
 * (resources as files or directories, namespace, config map and secret generators without name hashes, patches as
 * JSON 6902 operations or strategic merges onto targets chosen by kind, name regex and label, replicas and images).
 * There is no kustomize binary on the build machines; anything this does not understand fails loudly.
 *
 * <p>A generator file that does not exist is read from {@code <file>.example} instead: the real ones hold secrets
 * and are never committed, and the examples show their keys.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private Kustomize() {
    }

    /** Every document of a (multi-document) YAML file, as plain maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readDocuments(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<Map<String, Object>> docs = new ArrayList<>();
            var it = YAML.readValues(parser, Map.class);
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The resources {@code kubectl apply -k dir} would apply. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> build(Path dir) {
        Path kfile = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(kfile)) {
            throw new AssertionError("no kustomization.yaml in " + dir);
        }
        Map<String, Object> k = readDocuments(kfile).get(0);
        for (String key : k.keySet()) {
            if (!List.of("apiVersion", "kind", "resources", "namespace", "generatorOptions", "configMapGenerator",
                    "secretGenerator", "patches", "replicas", "images").contains(key)) {
                throw new AssertionError(kfile + ": this resolver does not understand '" + key + "'");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String r : list(k.get("resources"))) {
            Path p = dir.resolve(r).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(build(p));
            } else if (Files.isRegularFile(p)) {
                out.addAll(readDocuments(p));
            } else {
                throw new AssertionError(kfile + ": resource " + r + " does not exist"
                        + (r.endsWith("kubernetes.yml") ? " (package the applications first: ./mvnw -DskipTests package)" : ""));
            }
        }
        for (Map<String, Object> g : maps(k.get("configMapGenerator"))) {
            out.add(generate(dir, g, "ConfigMap"));
        }
        for (Map<String, Object> g : maps(k.get("secretGenerator"))) {
            out.add(generate(dir, g, "Secret"));
        }
        for (Map<String, Object> p : maps(k.get("patches"))) {
            applyPatch(dir, p, out);
        }
        for (Map<String, Object> r : maps(k.get("replicas"))) {
            List<Map<String, Object>> hits = out.stream()
                    .filter(res -> List.of("Deployment", "StatefulSet").contains(res.get("kind"))
                            && r.get("name").equals(name(res))).toList();
            if (hits.isEmpty()) {
                throw new AssertionError(kfile + ": replicas for unknown workload " + r.get("name"));
            }
            hits.forEach(res -> ((Map<String, Object>) res.get("spec")).put("replicas", r.get("count")));
        }
        for (Map<String, Object> image : maps(k.get("images"))) {
            int changed = 0;
            for (Map<String, Object> res : out) {
                for (Map<String, Object> c : containers(res)) {
                    String ref = (String) c.get("image");
                    String repo = imageRepository(ref);
                    if (repo.equals(image.get("name"))) {
                        String tag = ref.substring(repo.length());
                        String newName = (String) image.getOrDefault("newName", repo);
                        c.put("image", newName + (image.containsKey("newTag") ? ":" + image.get("newTag") : tag));
                        changed++;
                    }
                }
            }
            if (changed == 0) {
                throw new AssertionError(kfile + ": image " + image.get("name") + " is used by no container");
            }
        }
        if (k.get("namespace") instanceof String ns) {
            for (Map<String, Object> res : out) {
                if (!"Namespace".equals(res.get("kind"))) {
                    metadata(res).put("namespace", ns);
                }
            }
        }
        return out;
    }

    /** The image reference without its tag or digest. */
    static String imageRepository(String ref) {
        int at = ref.indexOf('@');
        String noDigest = at >= 0 ? ref.substring(0, at) : ref;
        int colon = noDigest.lastIndexOf(':');
        return colon > noDigest.lastIndexOf('/') ? noDigest.substring(0, colon) : noDigest;
    }

    private static Map<String, Object> generate(Path dir, Map<String, Object> g, String kind) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String literal : list(g.get("literals"))) {
            int eq = literal.indexOf('=');
            data.put(literal.substring(0, eq), literal.substring(eq + 1));
        }
        for (String env : list(g.get("envs"))) {
            for (String line : readLines(dir.resolve(env))) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    int eq = l.indexOf('=');
                    data.put(l.substring(0, eq), l.substring(eq + 1));
                }
            }
        }
        for (String file : list(g.get("files"))) {
            int eq = file.indexOf('=');
            String key = eq >= 0 ? file.substring(0, eq) : Path.of(file).getFileName().toString();
            data.put(key, String.join("\n", readLines(dir.resolve(eq >= 0 ? file.substring(eq + 1) : file))));
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("apiVersion", "v1");
        res.put("kind", kind);
        res.put("metadata", new LinkedHashMap<>(Map.of("name", g.get("name"))));
        if ("Secret".equals(kind)) {
            res.put("type", g.getOrDefault("type", "Opaque"));
            Map<String, Object> encoded = new LinkedHashMap<>();
            data.forEach((key, v) -> encoded.put(key,
                    Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
            res.put("data", encoded);
        } else {
            res.put("data", new LinkedHashMap<>(data));
        }
        return res;
    }

    private static List<String> readLines(Path file) {
        Path read = Files.exists(file) ? file : file.resolveSibling(file.getFileName() + ".example");
        try {
            return Files.readAllLines(read);
        } catch (IOException e) {
            throw new UncheckedIOException("generator input " + file + " (nor its .example) exists", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyPatch(Path dir, Map<String, Object> p, List<Map<String, Object>> resources) {
        String text;
        try {
            text = p.containsKey("path") ? Files.readString(dir.resolve((String) p.get("path"))) : (String) p.get("patch");
            Object parsed = YAML.readValue(text, Object.class);
            Map<String, Object> target = (Map<String, Object>) p.get("target");
            if (target == null) {
                if (!(parsed instanceof Map<?, ?> m)) {
                    throw new AssertionError(dir + ": a JSON 6902 patch needs a target");
                }
                target = Map.of("kind", m.get("kind"), "name", name((Map<String, Object>) m));
            }
            Map<String, Object> t = target;
            List<Map<String, Object>> hits = resources.stream().filter(r -> matches(r, t)).toList();
            if (hits.isEmpty()) {
                throw new AssertionError(dir + ": patch target " + t + " matches nothing");
            }
            for (Map<String, Object> r : hits) {
                if (parsed instanceof List<?> ops) {
                    for (Object op : ops) {
                        jsonPatch(r, (Map<String, Object>) op);
                    }
                } else {
                    merge(r, (Map<String, Object>) parsed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(Map<String, Object> r, Map<String, Object> t) {
        if (t.containsKey("kind") && !Objects.equals(t.get("kind"), r.get("kind"))) {
            return false;
        }
        if (t.containsKey("name") && !name(r).matches((String) t.get("name"))) {
            return false;
        }
        if (t.containsKey("labelSelector")) {
            for (String term : ((String) t.get("labelSelector")).split(",")) {
                String[] kv = term.split("=", 2);
                if (!Objects.equals(labels(r).get(kv[0].strip()), kv[1].strip())) {
                    return false;
                }
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void jsonPatch(Map<String, Object> r, Map<String, Object> op) {
        String[] path = ((String) op.get("path")).substring(1).split("/");
        Object node = r;
        for (int i = 0; i < path.length - 1; i++) {
            node = child(node, unescape(path[i]), op);
        }
        String last = unescape(path[path.length - 1]);
        String kind = (String) op.get("op");
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if (kind.equals("replace") && !map.containsKey(last)) {
                throw new AssertionError("replace of a missing " + op.get("path") + " in " + name(r));
            }
            switch (kind) {
                case "replace", "add" -> map.put(last, op.get("value"));
                case "remove" -> map.remove(last);
                default -> throw new AssertionError("unsupported patch op " + op);
            }
        } else if (node instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            switch (kind) {
                case "replace" -> list.set(Integer.parseInt(last), op.get("value"));
                case "add" -> {
                    if (last.equals("-")) {
                        list.add(op.get("value"));
                    } else {
                        list.add(Integer.parseInt(last), op.get("value"));
                    }
                }
                case "remove" -> list.remove(Integer.parseInt(last));
                default -> throw new AssertionError("unsupported patch op " + op);
            }
        } else {
            throw new AssertionError("patch path " + op.get("path") + " does not exist in " + name(r));
        }
    }

    private static Object child(Object node, String key, Map<String, Object> op) {
        Object next = node instanceof Map<?, ?> m ? m.get(key)
                : node instanceof List<?> l ? l.get(Integer.parseInt(key)) : null;
        if (next == null) {
            throw new AssertionError("patch path " + op.get("path") + " does not exist");
        }
        return next;
    }

    private static String unescape(String s) {
        return s.replace("~1", "/").replace("~0", "~");
    }

    /** Strategic merge, as far as these manifests need it: maps merge, lists of named items merge by name. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = into.get(key);
            if (value instanceof Map<?, ?> pm && existing instanceof Map<?, ?> em) {
                merge((Map<String, Object>) em, (Map<String, Object>) pm);
            } else if (value instanceof List<?> pl && existing instanceof List<?> el && isNamedList(pl) && isNamedList(el)) {
                for (Object item : pl) {
                    Map<String, Object> pi = (Map<String, Object>) item;
                    Map<String, Object> same = ((List<Map<String, Object>>) el).stream()
                            .filter(e -> Objects.equals(e.get("name"), pi.get("name"))).findFirst().orElse(null);
                    if (same != null) {
                        merge(same, pi);
                    } else {
                        ((List<Object>) el).add(pi);
                    }
                }
            } else {
                into.put(key, value);
            }
        });
    }

    private static boolean isNamedList(List<?> l) {
        return !l.isEmpty() && l.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey("name"));
    }

    // Small accessors for the tests.

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> r) {
        return (Map<String, Object>) r.computeIfAbsent("metadata", x -> new LinkedHashMap<>());
    }

    static String name(Map<String, Object> r) {
        return (String) metadata(r).get("name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> labels(Map<String, Object> r) {
        return (Map<String, Object>) metadata(r).getOrDefault("labels", Map.of());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> r) {
        Object pod = at(r, "spec", "template", "spec");
        if (!(pod instanceof Map<?, ?>)) {
            return List.of();
        }
        Map<String, Object> p = (Map<String, Object>) pod;
        List<Map<String, Object>> all = new ArrayList<>();
        all.addAll((List<Map<String, Object>>) p.getOrDefault("containers", List.of()));
        all.addAll((List<Map<String, Object>>) p.getOrDefault("initContainers", List.of()));
        return all;
    }

    /** The value at a path of map keys, or null. */
    static Object at(Object node, String... keys) {
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object o) {
        return o == null ? List.of() : ((List<Object>) o).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }
}
