package com.kingstonexpress.fulfillment.tracking.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who may push events, and how much at once. Secrets are per sender:
 * {@code kx.webhooks.centers."<centerId>".secret} and {@code kx.webhooks.carriers."<carrierCode>".secret}.
 */
@ConfigMapping(prefix = "kx.webhooks")
public interface WebhookConfig {

    Map<String, SenderSecret> centers();

    Map<String, SenderSecret> carriers();

    /** Events per batch; a larger batch is 413. */
    @WithDefault("500")
    int maxEvents();

    /** Bytes per request body; a larger body is 413. */
    @WithDefault("1048576")
    int maxBodyBytes();

    interface SenderSecret {
        /** The shared HMAC secret of this sender. */
        String secret();
    }
}
