package com.kingstonexpress.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.SmallRyeConfigBuilder;

/** What production refuses: no verification key, issuer or audience, and the repository's development ones. */
class DeploymentTrustCheckTest {

    private static final String REAL_KEY = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
            -----END PUBLIC KEY-----
            """;

    @Test
    void nothingConfiguredNamesEveryMissingVariable() {
        List<String> problems = DeploymentTrustCheck.tokenProblems(config(Map.of()));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertTrue(problems.get(1).contains("MP_JWT_VERIFY_ISSUER"));
        assertTrue(problems.get(2).contains("MP_JWT_VERIFY_AUDIENCES"));
    }

    @Test
    void theDevelopmentKeyAndIssuerAreRefusedWhereverTheyComeFrom(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("copied-dev-key.pem");
        Files.write(copy, getClass().getClassLoader().getResourceAsStream("kx/dev-keys/dev-jwt-public.pem").readAllBytes());
        for (String location : List.of("kx/dev-keys/dev-jwt-public.pem", "classpath:kx/dev-keys/dev-jwt-public.pem", copy.toString())) {
            List<String> problems = DeploymentTrustCheck.tokenProblems(config(Map.of("mp.jwt.verify.publickey.location", location,
                    "mp.jwt.verify.issuer", DeploymentTrustCheck.DEVELOPMENT_ISSUER, "mp.jwt.verify.audiences", "kx-seller-api")));
            assertEquals(2, problems.size(), location + ": " + problems);
            assertTrue(problems.get(0).contains("development key"), problems.get(0));
            assertTrue(problems.get(1).contains("development issuer"), problems.get(1));
        }
    }

    @Test
    void realKeyIssuerAndAudiencePass(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("issuer-key.pem");
        Files.writeString(key, REAL_KEY);
        assertEquals(List.of(), DeploymentTrustCheck.tokenProblems(config(Map.of("mp.jwt.verify.publickey.location", key.toString(),
                "mp.jwt.verify.issuer", "https://login.kingstonexpress.example", "mp.jwt.verify.audiences", "kx-seller-api"))));
        assertEquals(List.of(), DeploymentTrustCheck.tokenProblems(config(Map.of(
                "mp.jwt.verify.publickey.location", "https://login.kingstonexpress.example/keys",
                "mp.jwt.verify.issuer", "https://login.kingstonexpress.example", "mp.jwt.verify.audiences", "kx-seller-api"))));
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }
}
