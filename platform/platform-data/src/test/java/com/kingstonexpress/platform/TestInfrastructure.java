package com.kingstonexpress.platform;

import com.kingstonexpress.platform.testing.PostgresAndKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared PostgreSQL and Kafka for every test class of this module. */
@QuarkusTestResource(value = PostgresAndKafkaResource.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {
}
