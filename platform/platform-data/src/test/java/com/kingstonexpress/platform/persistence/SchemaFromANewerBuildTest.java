package com.kingstonexpress.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.kingstonexpress.platform.testing.SharedInfrastructure;

/**
 * A service of the previous build starts on a database that a newer build has migrated: a pod that restarts during a
 * rolling upgrade, or every pod after a rollback. Flyway as Quarkus configures it from the platform's settings (out of
 * order, {@code quarkus.flyway.ignore-migration-patterns}), on the test JVM's real PostgreSQL.
 */
class SchemaFromANewerBuildTest {

    private static final String PATTERNS = "quarkus.flyway.ignore-migration-patterns";

    @TempDir
    Path builds;

    @Test
    void thePreviousBuildStartsOnTheNewerSchema() throws IOException {
        String database = SharedInfrastructure.newDatabase("newer_schema");
        Path previous = migrations("previous", "V0_1__platform.sql", "V1__service.sql");
        Path newer = migrations("newer", "V0_1__platform.sql", "V1__service.sql", "V2__service_next.sql");
        flyway(database, newer, platformPatterns()).load().migrate();

        assertDoesNotThrow(() -> flyway(database, previous, platformPatterns()).load().migrate(), "the previous build starts");
        // Quarkus's default ignores nothing (quarkus.flyway.ignore-future-migrations=false), unlike Flyway's own.
        FlywayValidateException refused = assertThrows(FlywayValidateException.class,
                () -> flyway(database, previous, new String[0]).load().migrate());
        assertTrue(refused.getMessage().contains("not resolved locally: 2"), refused.getMessage());
    }

    @Test
    void aBuildThatLostAnAppliedVersionStillRefusesToStart() throws IOException {
        String database = SharedInfrastructure.newDatabase("lost_version");
        flyway(database, migrations("applied", "V1__service.sql", "V2__service_next.sql"), platformPatterns()).load().migrate();

        Path lost = migrations("lost", "V2__service_next.sql");
        FlywayValidateException refused = assertThrows(FlywayValidateException.class,
                () -> flyway(database, lost, platformPatterns()).load().migrate());
        assertTrue(refused.getMessage().contains("not resolved locally: 1"), refused.getMessage());
    }

    /** As Quarkus's {@code FlywayCreator} with platform-data's defaults: out of order, validated at every migrate. */
    private FluentConfiguration flyway(String database, Path migrations, String[] ignored) {
        return Flyway.configure().dataSource(database, "postgres", "postgres").locations("filesystem:" + migrations)
                .outOfOrder(true).validateOnMigrate(true).ignoreMigrationPatterns(ignored);
    }

    private Path migrations(String build, String... files) throws IOException {
        Path dir = Files.createDirectories(builds.resolve(build));
        for (String file : files) {
            Files.writeString(dir.resolve(file), "CREATE TABLE t_" + file.substring(1, file.indexOf("__")) + " (id int);\n");
        }
        return dir;
    }

    /** The value platform-data's defaults give every service; none when they set none. */
    private static String[] platformPatterns() throws IOException {
        for (URL url : Collections.list(SchemaFromANewerBuildTest.class.getClassLoader().getResources("META-INF/microprofile-config.properties"))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            if (properties.containsKey(PATTERNS)) {
                return Arrays.stream(properties.getProperty(PATTERNS).split(",")).map(String::trim).toArray(String[]::new);
            }
        }
        return new String[0];
    }
}
