package com.kingstonexpress.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The cache in front of SmallRye's verification, with SmallRye's real parser behind it: a token is verified once
 * and then served from the cache, but never past its exp, and a refused token is verified (and refused) every time.
 */
class CachingJwtParserTest {

    private static final String ISSUER = "https://issuer.test";

    private final AtomicInteger verifications = new AtomicInteger();
    private KeyPair trusted;
    private CachingJwtParser parser;

    @BeforeEach
    void setUp() throws Exception {
        trusted = RsaTokens.newKeyPair();
        JWTAuthContextInfo context = new JWTAuthContextInfo((RSAPublicKey) trusted.getPublic(), ISSUER);
        parser = new CachingJwtParser();
        parser.verifier = new DefaultJWTParser(context) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token);
            }
        };
        parser.maxTokenAgeSeconds = Optional.empty();
        parser.cacheSize = 100;
    }

    @Test
    void aValidTokenIsVerifiedOnceAndThenServedFromTheCache() throws Exception {
        String token = sign(trusted, now() + 600);
        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertSame(first, second);
        assertEquals("user-1", second.getSubject());
        assertEquals(1, verifications.get());
    }

    @Test
    void aCachedTokenIsVerifiedAgainOnceItsExpiryIsReached() throws Exception {
        long exp = now() + 600;
        String token = sign(trusted, exp);
        parser.parse(token);

        parser.verifierTime = Clock.fixed(Instant.ofEpochSecond(exp - 1), ZoneOffset.UTC);
        parser.parse(token);
        assertEquals(1, verifications.get(), "still valid one second before exp");

        parser.verifierTime = Clock.fixed(Instant.ofEpochSecond(exp), ZoneOffset.UTC);
        parser.parse(token);
        assertEquals(2, verifications.get(), "at exp the cache no longer vouches for it: SmallRye decides again");
    }

    @Test
    void theMaximumTokenAgeEndsTheCachedEntryBeforeExp() throws Exception {
        parser.maxTokenAgeSeconds = Optional.of(120L);
        long iat = now() - 60;
        String token = sign(trusted, iat, now() + 600);
        parser.parse(token);

        parser.verifierTime = Clock.fixed(Instant.ofEpochSecond(iat + 120), ZoneOffset.UTC);
        parser.parse(token);
        assertEquals(2, verifications.get());
    }

    @Test
    void aRefusedTokenIsNeverCachedAndIsRefusedEveryTime() throws Exception {
        String forged = sign(RsaTokens.newKeyPair(), now() + 600);
        String expired = sign(trusted, now() - 3600, now() - 1800);

        for (int i = 0; i < 3; i++) {
            assertThrows(ParseException.class, () -> parser.parse(forged));
            assertThrows(ParseException.class, () -> parser.parse(expired));
        }
        assertEquals(6, verifications.get());
    }

    @Test
    void aTamperedCopyOfACachedTokenIsVerifiedAndRefused() throws Exception {
        String token = sign(trusted, now() + 600);
        parser.parse(token);
        String[] parts = token.split("\\.");
        JwtClaims claims = claims(now() - 60, now() + 600);
        claims.setSubject("someone-else");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        assertThrows(ParseException.class, () -> parser.parse(tampered));
        assertEquals(2, verifications.get());
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String sign(KeyPair keys, long exp) throws Exception {
        return sign(keys, now() - 60, exp);
    }

    private static String sign(KeyPair keys, long iat, long exp) throws Exception {
        return RsaTokens.sign(claims(iat, exp), keys);
    }

    private static JwtClaims claims(long iat, long exp) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("user-1");
        claims.setClaim("upn", "user-1");
        claims.setClaim("iat", iat);
        claims.setClaim("exp", exp);
        return claims;
    }
}
