package com.kingstonexpress.support;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;

import io.restassured.RestAssured;

/**
 * What every {@code @QuarkusTest} of this module that drives the API and the topics shares: direct reads of the
 * database, and the request and response logged when an assertion on them fails.
 */
public abstract class ServiceTest {

    @Inject
    protected Db db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
