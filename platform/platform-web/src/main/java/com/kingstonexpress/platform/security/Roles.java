package com.kingstonexpress.platform.security;

/** The JWT {@code groups} this system knows (docs/design/API.md, Roles). */
public final class Roles {

    public static final String SELLER = "seller";
    public static final String SUPPORT_AGENT = "support-agent";
    public static final String OPERATIONS = "operations";
    public static final String STOREFRONT = "storefront";

    private Roles() {
    }
}
