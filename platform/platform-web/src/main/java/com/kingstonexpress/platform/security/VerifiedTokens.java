package com.kingstonexpress.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Tokens whose signature and claims were already verified, keyed by the SHA-256 of the token (the token itself is
 * not kept), each until it stops being acceptable: its {@code exp}, or {@code iat} plus the maximum token age when
 * one is configured, whichever comes first. Bounded in entries; the least used go first.
 *
 * @param <T> what verification produced (the parsed token)
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T token, Instant validUntil) {
    }

    private final Cache<ByteBuffer, Entry<T>> verified;

    public VerifiedTokens(long maximumSize) {
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** The verified token, if this exact token was verified and is still acceptable at {@code now}. */
    public Optional<T> find(String token, Instant now) {
        ByteBuffer key = key(token);
        Entry<T> e = verified.getIfPresent(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!now.isBefore(e.validUntil())) {
            verified.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(e.token());
    }

    /**
     * Remembers a token verification accepted.
     *
     * @param expiresAt the token's {@code exp}
     * @param issuedAt  its {@code iat}, or null
     * @param maxAgeSeconds the configured maximum token age, or null when there is none
     */
    public void remember(String token, T verifiedToken, Instant expiresAt, Instant issuedAt, Long maxAgeSeconds) {
        Instant until = expiresAt;
        if (issuedAt != null && maxAgeSeconds != null) {
            Instant tooOld = issuedAt.plusSeconds(maxAgeSeconds);
            if (tooOld.isBefore(until)) {
                until = tooOld;
            }
        }
        verified.put(key(token), new Entry<>(verifiedToken, until));
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static ByteBuffer key(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
