package com.kingstonexpress.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The platform's principal answers every claim, standard or custom, with what SmallRye's default principal answers
 * for the same verified token, and refuses what SmallRye refuses.
 */
class TokenPrincipalFactoryTest {

    private static final String ISSUER = "https://issuer.test";

    private KeyPair trusted;
    private DefaultJWTParser platform;
    private DefaultJWTParser smallRye;

    @BeforeEach
    void setUp() throws Exception {
        trusted = RsaTokens.newKeyPair();
        JWTAuthContextInfo context = new JWTAuthContextInfo((RSAPublicKey) trusted.getPublic(), ISSUER);
        platform = new DefaultJWTParser(context, new TokenPrincipalFactory());
        smallRye = new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory());
    }

    @Test
    void everyClaimReadsAsSmallRyesOwnPrincipalReadsIt() throws Exception {
        String token = sign(trusted);
        JsonWebToken ours = platform.parse(token);
        JsonWebToken theirs = smallRye.parse(token);

        assertInstanceOf(TokenPrincipalFactory.TokenPrincipal.class, ours);
        assertEquals(theirs.getClaimNames(), ours.getClaimNames());
        for (String name : theirs.getClaimNames()) {
            assertEquals((Object) theirs.getClaim(name), ours.getClaim(name), name);
        }
        for (Claims standard : Claims.values()) {
            assertEquals((Object) theirs.getClaim(standard), ours.getClaim(standard), standard.name());
        }
        assertEquals("s-1", ours.getClaim("seller_id"));
        assertEquals(theirs.getName(), ours.getName());
        assertEquals(theirs.getSubject(), ours.getSubject());
        assertEquals(theirs.getGroups(), ours.getGroups());
        assertEquals(theirs.getAudience(), ours.getAudience());
        assertEquals(theirs.getExpirationTime(), ours.getExpirationTime());
        assertEquals(theirs.getRawToken(), ours.getRawToken());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        String forged = sign(RsaTokens.newKeyPair());
        assertThrows(ParseException.class, () -> platform.parse(forged));
    }

    private static String sign(KeyPair key) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("seller-user-s-1");
        claims.setClaim("upn", "seller-user-s-1");
        claims.setStringListClaim("groups", List.of("seller"));
        claims.setAudience("kx-api");
        claims.setClaim("seller_id", "s-1");
        claims.setClaim("scopes", List.of("orders:read", "orders:write"));
        claims.setClaim("iat", now - 60);
        claims.setClaim("exp", now + 600);
        return RsaTokens.sign(claims, key);
    }
}
