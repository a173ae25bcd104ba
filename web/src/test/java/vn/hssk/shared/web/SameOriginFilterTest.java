package vn.hssk.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The origin a state-changing screen request names, compared with the application's own. */
class SameOriginFilterTest {

    @Test
    void originIsSchemeHostAndPortWithoutTheDefaultPort() {
        assertEquals("http://localhost:8080", SameOriginFilter.origin("http://localhost:8080/province/home.xhtml"));
        assertEquals("https://hssk.example.vn", SameOriginFilter.origin("https://HSSK.example.vn:443/a?b=c"));
        assertEquals("http://hssk.example.vn", SameOriginFilter.origin("http://hssk.example.vn:80"));
        assertEquals("https://hssk.example.vn:8443", SameOriginFilter.origin("https://hssk.example.vn:8443/"));
    }

    @Test
    void anotherPortOrSchemeIsAnotherOrigin() {
        String own = SameOriginFilter.origin("http://localhost:8080/");
        assertEquals(false, own.equals(SameOriginFilter.origin("http://localhost:8081/")));
        assertEquals(false, own.equals(SameOriginFilter.origin("https://localhost:8080/")));
        assertEquals(false, own.equals(SameOriginFilter.origin("http://localhost.evil.example:8080/")));
    }

    @Test
    void textThatIsNoAbsoluteUrlHasNoOrigin() {
        assertEquals("", SameOriginFilter.origin("null"));
        assertEquals("", SameOriginFilter.origin("/relative/page"));
        assertEquals("", SameOriginFilter.origin("http://[bad"));
    }
}
