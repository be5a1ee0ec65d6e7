package com.kingstonexpress.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwa.AlgorithmFactoryFactory;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser every service and the gateway use (Quarkus's JWT authentication and the gateway's edge
 * check both call {@link #parse(String)}): SmallRye's own verification, run once per distinct token and then
 * remembered in {@link VerifiedTokens} until the token expires. A client sends the same token on every call for up
 * to an hour, and an RS256 signature check plus claim parsing costs far more than a SHA-256 of the token.
 * Everything other than {@code parse(String)} goes straight to SmallRye.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    /**
     * The same time source as SmallRye's own expiry check, which this cache must agree with: not the injected
     * {@code Clocks} clock, which tests move. Replaced only by this class's unit test.
     */
    Clock verifierTime = Clock.systemUTC();

    @Inject
    DefaultJWTParser verifier;

    @ConfigProperty(name = "mp.jwt.verify.token.age")
    Optional<Long> maxTokenAgeSeconds;

    @ConfigProperty(name = "kx.security.verified-token-cache.size", defaultValue = "10000")
    long cacheSize;

    private volatile VerifiedTokens<JsonWebToken> verified;

    /**
     * jose4j registers its algorithms once, probing every JCA provider for each: 1.3 s of CPU on an idle core, 4-9 s
     * while the stack is busy. Left to the first bearer token, it ran on an event loop, which then served nothing
     * else, and the gateway's dashboard budget (3 s) gave up on every service's first call. Done here, it is part
     * of starting.
     */
    void registerAlgorithmsAtStart(@Observes StartupEvent ignored) {
        AlgorithmFactoryFactory.getInstance();
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        VerifiedTokens<JsonWebToken> cache = cache();
        Instant now = verifierTime.instant();
        Optional<JsonWebToken> known = cache.find(bearerToken, now);
        if (known.isPresent()) {
            return known.get();
        }
        // A refused token throws here and is not remembered: the next call verifies it again.
        JsonWebToken token = verifier.parse(bearerToken);
        // exp is required by the verifier; without one the token is simply not remembered.
        if (token.getExpirationTime() > 0) {
            Instant issuedAt = token.getIssuedAtTime() > 0 ? Instant.ofEpochSecond(token.getIssuedAtTime()) : null;
            cache.remember(bearerToken, token, Instant.ofEpochSecond(token.getExpirationTime()), issuedAt, maxTokenAgeSeconds.orElse(null));
        }
        return token;
    }

    private VerifiedTokens<JsonWebToken> cache() {
        VerifiedTokens<JsonWebToken> c = verified;
        if (c == null) {
            synchronized (this) {
                if (verified == null) {
                    verified = new VerifiedTokens<>(cacheSize);
                }
                c = verified;
            }
        }
        return c;
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return verifier.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return verifier.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return verifier.parseOnly(bearerToken);
    }
}
