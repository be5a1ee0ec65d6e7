package com.kingstonexpress.platform.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/** RS256 tokens for the security unit tests: a fresh key pair, and claims signed with it. */
final class RsaTokens {

    private RsaTokens() {
    }

    static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String sign(JwtClaims claims, KeyPair keys) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(keys.getPrivate());
        return jws.getCompactSerialization();
    }
}
