package io.bacalao.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which hosts an HTTP network's Domains entry lets through. */
class DomainRuleTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            example.com    | example.com      | true
            Example.COM    | example.com.     | true
            example.com    | www.example.com  | false
            .example.com   | example.com      | true
            .example.com   | a.b.example.com  | true
            *.example.com  | www.EXAMPLE.com  | true
            .example.com   | badexample.com   | false
            example.com    | example.com.evil.org | false
            10.0.0.1       | 10.0.0.1         | true
            10.0.0.1       | 10.0.0.10        | false
            ::1            | [::1]            | true
            """)
    void matching(String entry, String host, boolean allowed) {
        assertEquals(allowed, DomainRule.parse(entry).matches(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "http://example.com", "example.com/x", "*.10.0.0.1", "300.1.1.1", "exa mple.com"})
    void entriesThatAreNotDomainsAreRefused(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainRule.parse(entry));

        assertEquals("invalid domain \"" + entry + "\"", e.getMessage());
    }
}
