package com.kingstonexpress.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import com.kingstonexpress.platform.security.DeploymentTrustCheck.TrustRequirement;

/** Production connects with its own database credentials, never the embedded server's development ones. */
@Singleton
public class DatabaseCredentialsCheck implements TrustRequirement {

    static final String DEVELOPMENT_PASSWORD = "postgres";

    @Override
    public List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        if (config.getOptionalValue("quarkus.datasource.username", String.class).isEmpty()) {
            problems.add("QUARKUS_DATASOURCE_USERNAME is not set");
        }
        Optional<String> password = config.getOptionalValue("quarkus.datasource.password", String.class);
        if (password.isEmpty()) {
            problems.add("QUARKUS_DATASOURCE_PASSWORD is not set");
        } else if (DEVELOPMENT_PASSWORD.equals(password.get())) {
            problems.add("QUARKUS_DATASOURCE_PASSWORD is the development password");
        }
        return problems;
    }
}
