package com.kingstonexpress.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Mints RS256 tokens with the development key pair, for tests and the local stack only.
 * Services trust the matching public key only when configured to (the default for local runs);
 * in production the verification key comes from configuration (OIDC).
 */
public final class DevTokens {

    public static final String ISSUER = "https://dev.kingstonexpress.local";
    /** The API's audience ({@code mp.jwt.verify.audiences}); a token issued for another client is refused. */
    public static final String AUDIENCE = "kx-seller-api";
    private static final PrivateKey KEY = loadKey();

    private DevTokens() {
    }

    public static String seller(String sellerId) {
        return token("seller-user-" + sellerId, Set.of("seller"), sellerId, Duration.ofHours(12));
    }

    public static String supportAgent(String agentId) {
        return token(agentId, Set.of("support-agent"), null, Duration.ofHours(12));
    }

    public static String operations(String userId) {
        return token(userId, Set.of("operations"), null, Duration.ofHours(12));
    }

    public static String storefront() {
        return token("storefront", Set.of("storefront"), null, Duration.ofHours(12));
    }

    /** A token for any subject and roles; {@code lifetime} may be negative to mint an expired token. */
    public static String token(String subject, Set<String> groups, String sellerId, Duration lifetime) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setGeneratedJwtId();
        claims.setClaim("iat", Math.min(now, now + lifetime.getSeconds()) - 60);
        claims.setClaim("exp", now + lifetime.getSeconds());
        if (sellerId != null) {
            claims.setClaim("seller_id", sellerId);
        }
        return sign(claims);
    }

    /** Signs any claims with the development key: tests use it for tokens that must be refused. */
    public static String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEY);
        jws.setKeyIdHeaderValue("kx-dev");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a dev token", e);
        }
    }

    private static PrivateKey loadKey() {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream("kx/dev-keys/dev-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("dev key unreadable", e);
        }
    }

    /** {@code java -cp ... DevTokens seller seller-1}: prints a token, for trying the API by hand. */
    public static void main(String[] args) {
        String role = args.length > 0 ? args[0] : "seller";
        String id = args.length > 1 ? args[1] : "demo-seller";
        System.out.println(switch (role) {
            case "seller" -> seller(id);
            case "support-agent" -> supportAgent(id);
            case "operations" -> operations(id);
            case "storefront" -> storefront();
            default -> throw new IllegalArgumentException("role is one of seller, support-agent, operations, storefront");
        });
    }
}
