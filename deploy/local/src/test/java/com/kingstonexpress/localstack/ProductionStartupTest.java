package com.kingstonexpress.localstack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.FreePorts;

/**
 * A service started as production (no profile) with only its database and broker set, as an operations team
 * that forgot the identity variables would start it, refuses to start and says what is missing; so does one
 * configured with the repository's development key.
 */
class ProductionStartupTest {

    @Test
    void withoutTokenVerificationSettingsOrWithDevelopmentMaterialAServiceRefusesToStart() throws Exception {
        String output = startOrderServiceAsProduction(Map.of());
        assertTrue(output.contains("refusing to start"), output);
        assertTrue(output.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), output);
        assertTrue(output.contains("MP_JWT_VERIFY_ISSUER"), output);
        assertTrue(output.contains("QUARKUS_DATASOURCE_PASSWORD is the development password"), output);

        String withDevelopmentKey = startOrderServiceAsProduction(Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "kx/dev-keys/dev-jwt-public.pem",
                "MP_JWT_VERIFY_ISSUER", "https://dev.kingstonexpress.local"));
        assertTrue(withDevelopmentKey.contains("the token verification key is the development key"), withDevelopmentKey);
        assertTrue(withDevelopmentKey.contains("development issuer"), withDevelopmentKey);
    }

    /** Starts order-service's jar without a profile and returns what it printed; it must exit on its own. */
    private static String startOrderServiceAsProduction(Map<String, String> extraEnv) throws IOException, InterruptedException {
        LocalStack stack = RunningStack.get();
        Path jar = stack.config().service("order").application(stack.config().root());
        Path log = Files.createTempFile("kx-production-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(FreePorts.find()));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(FreePorts.find()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + stack.config().postgresPort() + "/kx_orders");
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        // Nothing listens there: a refused instance must not have consumed or published anything anyway.
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + FreePorts.find());
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "a production start without trust settings must end by itself");
            assertNotEquals(0, process.exitValue());
            return Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
