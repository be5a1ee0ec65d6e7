package com.kingstonexpress.notification;

import com.kingstonexpress.platform.testing.PostgresAndKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;

/** One application start for all test classes of this module, on the JVM's shared PostgreSQL and Kafka. */
@QuarkusTestResource(value = PostgresAndKafkaResource.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {
}
