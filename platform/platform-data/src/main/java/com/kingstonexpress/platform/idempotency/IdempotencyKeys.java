package com.kingstonexpress.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.platform.problem.ProblemException;

import io.agroal.api.AgroalDataSource;

/**
 * {@code Idempotency-Key} for creates: a retry with the same key and body gets the first result; the same
 * key with another body is 422.
 *
 * <p>Use inside the create's transaction: {@link #claim} first (a concurrent request with the same key
 * waits on the key's row until this one commits, then replays it), do the work, then {@link #complete}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    AgroalDataSource dataSource;

    /** A stored first response. */
    public record StoredResponse(int status, String location, String body) {
    }

    /**
     * Runs a create at most once per key: the first request with {@code key} runs {@code create} and its answer is
     * stored in the same transaction; a retry with the same body gets that answer back without running it again.
     * Without a key (the header is optional) the create simply runs.
     *
     * @param scope who may reuse the key (e.g. the caller's subject), so keys of different callers never meet
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredResponse once(String scope, String key, String requestBody, Supplier<StoredResponse> create) {
        if (key == null) {
            return create.get();
        }
        Optional<StoredResponse> earlier = claim(scope, key, requestBody);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        StoredResponse first = create.get();
        complete(scope, key, first);
        return first;
    }

    /**
     * @param scope       who may reuse the key (e.g. the caller's subject), so keys of different callers never meet
     * @param requestBody the request as received, compared by hash
     * @return the stored response when this key was used before with the same body; empty when this request goes first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claim(String scope, String key, String requestBody) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        String hash = sha256(requestBody);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO kx_idempotency_key (scope, idem_key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, hash);
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT request_hash, response_status, response_location, response_body FROM kx_idempotency_key WHERE scope = ? AND idem_key = ?")) {
                select.setString(1, scope);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    if (!hash.equals(rs.getString(1))) {
                        throw ProblemException.unprocessable("This Idempotency-Key was already used with a different request body.");
                    }
                    return Optional.of(new StoredResponse(rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store unavailable", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, StoredResponse response) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE kx_idempotency_key SET response_status = ?, response_location = ?, response_body = ? WHERE scope = ? AND idem_key = ?")) {
            update.setInt(1, response.status());
            update.setString(2, response.location());
            update.setString(3, response.body());
            update.setString(4, scope);
            update.setString(5, key);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store unavailable", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
