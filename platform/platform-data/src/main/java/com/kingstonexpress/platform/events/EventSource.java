package com.kingstonexpress.platform.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The CloudEvents {@code source} of everything this service publishes. */
@ApplicationScoped
public class EventSource {

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    public String uri() {
        return "/kx/" + applicationName;
    }
}
