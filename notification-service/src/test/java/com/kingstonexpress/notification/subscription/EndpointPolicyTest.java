package com.kingstonexpress.notification.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.notification.subscription.domain.EndpointPolicy;

class EndpointPolicyTest {

    @ParameterizedTest(name = "{0}: production {1}, dev/test {2}")
    @CsvSource({
            "https://hooks.seller.example/kx,             true,  true",
            "https://hooks.seller.example:8443/kx?x=1,    true,  true",
            "http://hooks.seller.example/kx,              false, false",
            "http://127.0.0.1:9000/hook,                  false, true",
            "http://localhost:9000/hook,                  false, true",
            "https://localhost/hook,                      false, true",
            "https://127.0.0.1/hook,                      false, true",
            "https://10.0.0.5/hook,                       false, false",
            "https://192.168.1.1/hook,                    false, false",
            "https://172.20.0.1/hook,                     false, false",
            "https://169.254.169.254/latest/meta-data,    false, false",
            "https://[fd00::1]/hook,                      false, false",
            "https://user:pw@hooks.seller.example/kx,     false, false",
            "https://hooks.seller.example/kx#frag,        false, false",
            "ftp://hooks.seller.example/kx,               false, false",
            "/relative/path,                              false, false",
            "not a url,                                   false, false",
            "http://127.0.0.1.evil.example/hook,          false, false" })
    void acceptsHttpsToPublicHostsAndLoopbackOnlyWhenAllowed(String url, boolean production, boolean devOrTest) {
        assertEquals(production, new EndpointPolicy(false).refusal(url).isEmpty(), "production: " + url);
        assertEquals(devOrTest, new EndpointPolicy(true).refusal(url).isEmpty(), "dev/test: " + url);
    }

    @ParameterizedTest
    @CsvSource({ "''", "' '" })
    void requiresAUrl(String url) {
        Optional<String> refusal = new EndpointPolicy(true).refusal(url);
        assertTrue(refusal.isPresent());
    }
}
