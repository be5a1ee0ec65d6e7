package com.kingstonexpress.fulfillment.tracking.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import com.kingstonexpress.platform.security.DeploymentTrustCheck.TrustRequirement;

/**
 * Production never accepts a webhook signed with a development secret: the demo senders' secrets are printed in
 * the README, and any secret named {@code dev-...} or shorter than 32 characters is refused at start-up.
 */
@Singleton
public class WebhookSecretsCheck implements TrustRequirement {

    static final int MINIMUM_SECRET_LENGTH = 32;

    @Inject
    WebhookConfig webhooks;

    @Override
    public List<String> problems(Config config) {
        return problems(webhooks);
    }

    static List<String> problems(WebhookConfig webhooks) {
        List<String> problems = new ArrayList<>();
        check("kx.webhooks.centers", webhooks.centers(), problems);
        check("kx.webhooks.carriers", webhooks.carriers(), problems);
        return problems;
    }

    private static void check(String prefix, Map<String, WebhookConfig.SenderSecret> senders, List<String> problems) {
        senders.forEach((sender, secret) -> {
            if (secret.secret().startsWith("dev-") || secret.secret().length() < MINIMUM_SECRET_LENGTH) {
                problems.add(prefix + ".\"" + sender + "\".secret is a development secret or shorter than " + MINIMUM_SECRET_LENGTH
                        + " characters");
            }
        });
    }
}
