package com.kingstonexpress.platform.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Ids a transaction looked for in one query and did not find (most of a busy poll's orders are new). Each is taken as
 * absent once, by the first caller that asks, without a query of its own: that caller then writes it, and a later one
 * looks it up again (an entity manager finds an entity persisted in the transaction, but queries again for an id it
 * did not find). Kept as a resource of the transaction, so a retried attempt starts without it.
 */
public final class KnownAbsent {

    private KnownAbsent() {
    }

    /** Remembers, under {@code name}, which of {@code lookedFor} the transaction's query did not find. */
    public static void record(TransactionSynchronizationRegistry transactions, String name, Collection<String> lookedFor,
            Collection<String> found) {
        Set<String> absent = new HashSet<>(lookedFor);
        absent.removeAll(found);
        transactions.putResource(name, absent);
    }

    /** True, once, when the transaction recorded {@code id} as absent under {@code name}. */
    public static boolean take(TransactionSynchronizationRegistry transactions, String name, String id) {
        @SuppressWarnings("unchecked")
        Set<String> absent = (Set<String>) transactions.getResource(name);
        return absent != null && absent.remove(id);
    }
}
