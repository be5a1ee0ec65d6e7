package com.kingstonexpress.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Production trusts nothing by default. Outside the {@code dev} and {@code test} profiles a service refuses to
 * start unless its trust material is set, and set to something other than the development material that lives
 * in this repository: a token signed with the committed development key must never be accepted by a deployment
 * that forgot one variable. Each service adds its own material through {@link TrustRequirement}s.
 */
@Singleton
public class DeploymentTrustCheck {

    /** The issuer of development tokens ({@code deploy/local/token}); never trusted in production. */
    public static final String DEVELOPMENT_ISSUER = "https://dev.kingstonexpress.local";
    private static final String DEVELOPMENT_KEY = "kx/dev-keys/dev-jwt-public.pem";

    /** Runs before anything else starts (consumers, the relay, schedulers): a refused instance does nothing at all. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent ignored, Instance<TrustRequirement> requirements) {
        if (!trustsDevelopmentMaterial()) {
            Config config = ConfigProvider.getConfig();
            List<String> problems = new ArrayList<>(tokenProblems(config));
            requirements.forEach(r -> problems.addAll(r.problems(config)));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("refusing to start outside the dev and test profiles: " + String.join("; ", problems));
            }
        }
    }

    /** The dev and test profiles (the local stack runs the dev profile) trust the repository's development material. */
    public static boolean trustsDevelopmentMaterial() {
        return ConfigUtils.isProfileActive("dev") || ConfigUtils.isProfileActive("test");
    }

    static List<String> tokenProblems(Config config) {
        List<String> problems = new ArrayList<>();
        Optional<String> location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        Optional<String> inlineKey = config.getOptionalValue("mp.jwt.verify.publickey", String.class);
        if (location.isEmpty() && inlineKey.isEmpty()) {
            problems.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION (or MP_JWT_VERIFY_PUBLICKEY) is not set: no key to verify tokens with");
        } else if (isDevelopmentKey(inlineKey.orElse(null), location.orElse(null))) {
            problems.add("the token verification key is the development key committed to the repository");
        }
        Optional<String> issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class);
        if (issuer.isEmpty()) {
            problems.add("MP_JWT_VERIFY_ISSUER is not set");
        } else if (DEVELOPMENT_ISSUER.equals(issuer.get())) {
            problems.add("MP_JWT_VERIFY_ISSUER is the development issuer " + DEVELOPMENT_ISSUER);
        }
        if (config.getOptionalValue("mp.jwt.verify.audiences", String.class).isEmpty()) {
            problems.add("MP_JWT_VERIFY_AUDIENCES is not set");
        }
        return problems;
    }

    private static boolean isDevelopmentKey(String inlineKey, String location) {
        String development = normalise(read(DEVELOPMENT_KEY, null));
        if (inlineKey != null) {
            return normalise(inlineKey).equals(development);
        }
        // A key set (JWKS) over HTTPS is the identity provider's own; only local copies can be the development key.
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return false;
        }
        String configured = read(location.replaceFirst("^classpath:", ""), location.replaceFirst("^file:", ""));
        return configured != null && normalise(configured).equals(development);
    }

    private static String read(String resource, String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            return file != null && Files.isReadable(Path.of(file)) ? Files.readString(Path.of(file), StandardCharsets.US_ASCII) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String normalise(String pem) {
        return pem == null ? "" : pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    /** A service's own trust material (webhook secrets, database password), checked with the tokens. */
    public interface TrustRequirement {
        /** What is missing or known development material, one sentence each; empty when all is well. */
        List<String> problems(Config config);
    }
}
