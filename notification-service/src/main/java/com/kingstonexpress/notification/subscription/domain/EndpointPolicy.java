package com.kingstonexpress.notification.subscription.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs a seller may register. Deliveries carry the seller's data, so they go over HTTPS only, to a
 * public host named in the URL; plain http is allowed to the loopback interface alone and only when the
 * deployment says so (dev and test profiles), so tests and a developer's own receiver work.
 */
public final class EndpointPolicy {

    public static final int MAX_URL_LENGTH = 2048;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean allowInsecureLocalhost;

    public EndpointPolicy(boolean allowInsecureLocalhost) {
        this.allowInsecureLocalhost = allowInsecureLocalhost;
    }

    /** @return why {@code url} is refused, or empty when it is acceptable */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("url is required.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("url must be at most " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host.isEmpty()) {
            return Optional.of("url must be an absolute https URL with a host.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not carry credentials; deliveries are signed instead.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("url must not have a fragment.");
        }
        boolean loopback = isLoopback(host);
        if (allowInsecureLocalhost && loopback && (scheme.equals("http") || scheme.equals("https"))) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("url must use https.");
        }
        if (loopback || isPrivateLiteral(host)) {
            return Optional.of("url must name a public host, not a loopback or private address.");
        }
        return Optional.empty();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") && IPV4.matcher(host).matches() || host.equals("[::1]");
    }

    /** Literal private, link-local or unspecified addresses (host names are not resolved here). */
    private static boolean isPrivateLiteral(String host) {
        if (host.startsWith("[")) {
            return true; // IPv6 literals: refused outright rather than classified
        }
        if (!IPV4.matcher(host).matches()) {
            return false;
        }
        String[] p = host.split("\\.");
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        return a == 10 || a == 0 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 169 && b == 254)
                || (a == 100 && b >= 64 && b <= 127);
    }
}
