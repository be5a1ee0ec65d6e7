package com.kingstonexpress.fulfillment;

import com.kingstonexpress.platform.testing.ServiceEndpointsContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {
}
