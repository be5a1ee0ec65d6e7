package com.kingstonexpress.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.CachingJwtParser;
import com.kingstonexpress.platform.security.TokenPrincipalFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/**
 * Only tokens issued for this API by the trusted issuer, signed RS256 with the trusted key and short-lived,
 * get in: every other token is a 401 problem.
 */
@QuarkusTest
class TokenVerificationTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    JWTParser parser;

    /** Quarkus's JWT authentication (and the gateway's edge check) verify through the platform's caching parser. */
    @Test
    void bearerTokensAreParsedByTheCachingParser() {
        assertInstanceOf(CachingJwtParser.class, parser);
    }

    /** A refused token is refused again on its next use: a refusal is never remembered as a success. */
    @Test
    void aRefusedTokenStaysRefused() {
        JwtClaims forged = claims();
        forged.setIssuer("https://login.example.test");
        String token = DevTokens.sign(forged);
        refused(token);
        refused(token);
        String valid = DevTokens.seller("s-1");
        given().auth().oauth2(valid).get("/probe/caller").then().statusCode(200);
        given().auth().oauth2(valid).get("/probe/caller").then().statusCode(200).body("name", equalTo("seller-user-s-1"));
    }

    @Test
    void aTokenIssuedForThisApiGetsIn() {
        given().auth().oauth2(DevTokens.seller("s-1")).get("/probe/caller").then().statusCode(200)
                .body("name", equalTo("seller-user-s-1"))
                .body("sellerId", equalTo("s-1"));
    }

    /** The token's principal is the platform's, whose custom claims (seller_id) are read without a caught exception. */
    @Test
    void verifiedTokensAreBuiltByThePlatformsPrincipalFactory() throws Exception {
        JsonWebToken token = parser.parse(DevTokens.seller("s-2"));
        assertInstanceOf(TokenPrincipalFactory.TokenPrincipal.class, token);
        assertEquals("s-2", token.getClaim("seller_id"));
    }

    /** #12 L6: a username can be edited or reassigned at the identity provider; the subject cannot. */
    @Test
    void theActorIsTheTokensSubjectNotItsEditableUsername() {
        JwtClaims claims = claims();
        claims.setClaim("upn", "renamed-or-reassigned@example.test");
        given().auth().oauth2(DevTokens.sign(claims)).get("/probe/caller").then().statusCode(200)
                .body("name", equalTo("renamed-or-reassigned@example.test"))
                .body("actorId", equalTo("seller-user-s-1"));
    }

    @Test
    void aTokenForAnotherAudienceOrWithoutOneIsRefused() {
        JwtClaims otherClient = claims();
        otherClient.setAudience("another-client-of-the-same-issuer");
        refused(DevTokens.sign(otherClient));
        JwtClaims noAudience = claims();
        noAudience.unsetClaim("aud");
        refused(DevTokens.sign(noAudience));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        JwtClaims claims = claims();
        claims.setIssuer("https://login.example.test");
        refused(DevTokens.sign(claims));
    }

    @Test
    void aTokenValidForYearsOrIssuedLongAgoIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims farFuture = claims();
        farFuture.setClaim("exp", now + Duration.ofDays(30_000).toSeconds());
        refused(DevTokens.sign(farFuture));
        JwtClaims old = claims();
        old.setClaim("iat", now - Duration.ofDays(3).toSeconds());
        refused(DevTokens.sign(old));
        JwtClaims noExpiry = claims();
        noExpiry.unsetClaim("exp");
        refused(DevTokens.sign(noExpiry));
    }

    @Test
    void anUnsignedTokenOrOneSignedWithThePublicKeyAsAnHmacSecretIsRefused() throws Exception {
        String payload = claims().toJson();
        refused(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(payload) + ".");

        byte[] publicKey = getClass().getClassLoader().getResourceAsStream("kx/dev-keys/dev-jwt-public.pem").readAllBytes();
        JsonWebSignature hs256 = new JsonWebSignature();
        hs256.setPayload(payload);
        hs256.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs256.setKey(new HmacKey(publicKey));
        hs256.setDoKeyValidation(false);
        refused(serialize(hs256));
    }

    private static JwtClaims claims() {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevTokens.ISSUER);
        claims.setAudience(DevTokens.AUDIENCE);
        claims.setSubject("seller-user-s-1");
        claims.setClaim("upn", "seller-user-s-1");
        claims.setStringListClaim("groups", List.copyOf(Set.of("seller")));
        claims.setClaim("seller_id", "s-1");
        claims.setClaim("iat", now - 60);
        claims.setClaim("exp", now + 600);
        return claims;
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get("/probe/caller").then().statusCode(401).contentType(PROBLEM);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
