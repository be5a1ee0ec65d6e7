package com.kingstonexpress.gateway.edge.policy;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests each key (a client address, a principal, a traffic class) has in progress, with a
 * cap. A key is forgotten as soon as its count is back to zero, so the map holds only what is in
 * progress and needs no sweeping.
 */
public final class InFlightCounter {

    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    /** Takes a slot for {@code key} if it has fewer than {@code max} in progress; release it exactly once. */
    public boolean tryAcquire(String key, int max) {
        boolean[] taken = { false };
        counts.compute(key, (k, current) -> {
            int now = current == null ? 0 : current;
            if (now >= max) {
                return current;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    public void release(String key) {
        counts.computeIfPresent(key, (k, current) -> current <= 1 ? null : current - 1);
    }

    public int inFlight(String key) {
        return counts.getOrDefault(key, 0);
    }

    /** Keys with requests in progress (bounded by the requests in progress). */
    public int size() {
        return counts.size();
    }
}
