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
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import com.kingstonexpress.platform.problem.ProblemException;

import io.agroal.api.AgroalDataSource;

/**
 * {@code Idempotency-Key} for creates: a retry with the same key and body gets the first result; the same
 * key with another body is 422.
 *
 * <p>The create runs first and its answer is stored under the key in one statement at the end of its transaction, so
 * a create that goes first (nearly all of them) pays one statement for its key. A request whose key is already taken
 * finds out there: the insert waits on the key's row until the transaction holding it ends, then finds it taken;
 * this request's own work is rolled back and the first answer (or 422 for another body) is given instead. A retry's
 * create may also be refused by the first one's effect (the ticket it opened is "already open"); a refusal is
 * therefore answered from the key too when the key is taken.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TransactionManager transactions;

    /** A stored first response. */
    public record StoredResponse(int status, String location, String body) {
    }

    /**
     * Runs a create at most once per key: the first request with {@code key} runs {@code create} and its answer is
     * stored in the same transaction; a retry with the same body gets that answer back, and whatever its own run of
     * {@code create} wrote is rolled back with its transaction. Without a key (the header is optional) the create
     * simply runs.
     *
     * @param scope       who may reuse the key (e.g. the caller's subject), so keys of different callers never meet
     * @param requestBody the request as received, compared by hash
     * @param create      the create; it must write nothing outside this transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredResponse once(String scope, String key, String requestBody, Supplier<StoredResponse> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        String hash = sha256(requestBody);
        StoredResponse answer;
        try {
            answer = create.get();
        } catch (ProblemException refused) {
            Optional<StoredResponse> earlier = earlier(scope, key, hash, refused);
            if (earlier.isEmpty()) {
                throw refused;
            }
            return rolledBack(earlier.get());
        }
        if (store(scope, key, hash, answer)) {
            return answer;
        }
        return rolledBack(earlier(scope, key, hash, null).orElseThrow());
    }

    /** Inserts the key with its answer; false when the key is taken (by a committed transaction: the insert waited). */
    private boolean store(String scope, String key, String hash, StoredResponse answer) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO kx_idempotency_key"
                        + " (scope, idem_key, request_hash, response_status, response_location, response_body)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, hash);
            insert.setInt(4, answer.status());
            insert.setString(5, answer.location());
            insert.setString(6, answer.body());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store unavailable", e);
        }
    }

    /**
     * The answer stored under the key, or empty when the key is free; 422 when it was used with another body.
     *
     * @param refused the create's refusal, if it was refused: given back as it is should the lookup itself fail
     */
    private Optional<StoredResponse> earlier(String scope, String key, String hash, ProblemException refused) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT request_hash, response_status, response_location,"
                        + " response_body FROM kx_idempotency_key WHERE scope = ? AND idem_key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!hash.equals(rs.getString(1))) {
                    throw ProblemException.unprocessable("This Idempotency-Key was already used with a different request body.");
                }
                return Optional.of(new StoredResponse(rs.getInt(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            if (refused != null) {
                throw refused;
            }
            throw new IllegalStateException("idempotency store unavailable", e);
        }
    }

    /** This request's own run of the create is undone: its transaction ends in a rollback, and the caller gets {@code earlier}. */
    private StoredResponse rolledBack(StoredResponse earlier) {
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException("cannot roll back a replayed create", e);
        }
        return earlier;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
