package com.kingstonexpress.gateway.routing.policy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service, as base URLs, taken in turn (round-robin). A service's configured URL may
 * name several instances separated by commas; one URL is one instance, as before.
 */
public final class Instances {

    private final List<URI> bases;
    private final AtomicInteger next = new AtomicInteger();

    private Instances(List<URI> bases) {
        this.bases = List.copyOf(bases);
    }

    /** {@code http://127.0.0.1:8081,http://127.0.0.1:8091}: blanks around commas are ignored; at least one URL. */
    public static Instances parse(String urls) {
        List<URI> bases = new ArrayList<>();
        for (String url : urls.split(",")) {
            String trimmed = url.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri = URI.create(trimmed);
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL: '" + trimmed + "'");
            }
            bases.add(uri);
        }
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no service URL in '" + urls + "'");
        }
        return new Instances(bases);
    }

    public List<URI> all() {
        return bases;
    }

    /**
     * Every instance once, starting with the next one in turn: the first is where a request goes, the others
     * where it may go instead if the first refuses the connection.
     */
    public List<URI> inTurn() {
        int start = Math.floorMod(next.getAndIncrement(), bases.size());
        List<URI> order = new ArrayList<>(bases.size());
        for (int i = 0; i < bases.size(); i++) {
            order.add(bases.get((start + i) % bases.size()));
        }
        return order;
    }

    /** A base URL without its trailing slash (to recognise the service's own absolute links). */
    public static String withoutTrailingSlash(URI base) {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
