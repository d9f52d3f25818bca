package io.bacalao.compute.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An HTTP network's proxy: the job's Domains are reachable over HTTP and CONNECT, nothing else. */
class EgressProxyTest {
    private HttpServer site;
    private int sitePort;

    @BeforeEach
    void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", x -> {
            byte[] body = ("hello " + x.getRequestURI() + " " + x.getRequestHeaders().getFirst("Connection")).getBytes();
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        sitePort = site.getAddress().getPort();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    private HttpResponse<String> getThrough(EgressProxy proxy, String url) throws Exception {
        URI p = URI.create(proxy.url());
        try (HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort())))
                .build()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aListedHostIsReachedOverPlainHttpWithOneRequestPerConnection() throws Exception {
        try (EgressProxy proxy = EgressProxy.start("e-1", List.of("127.0.0.1"), InetAddress.getLoopbackAddress())) {
            HttpResponse<String> r = getThrough(proxy, "http://127.0.0.1:" + sitePort + "/data?x=1");

            assertEquals(200, r.statusCode());
            assertEquals("hello /data?x=1 close", r.body());
        }
    }

    @Test
    void anyOtherHostIsForbidden() throws Exception {
        try (EgressProxy proxy = EgressProxy.start("e-1", List.of("example.com"), InetAddress.getLoopbackAddress())) {
            HttpResponse<String> r = getThrough(proxy, "http://127.0.0.1:" + sitePort + "/data");

            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("only the job's Network.Domains are reachable"), r.body());
        }
    }

    @Test
    void connectTunnelsToAListedHostOnlyFromWhichTheSiteAnswers() throws Exception {
        try (EgressProxy proxy = EgressProxy.start("e-1", List.of("127.0.0.1"), InetAddress.getLoopbackAddress());
             Socket s = new Socket(URI.create(proxy.url()).getHost(), URI.create(proxy.url()).getPort())) {
            s.getOutputStream().write(("CONNECT 127.0.0.1:" + sitePort + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            assertEquals("HTTP/1.1 200 Connection Established", in.readLine());
            assertEquals("", in.readLine());

            s.getOutputStream().write("GET /tunnel HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

            assertEquals("HTTP/1.1 200 OK", in.readLine());
        }
        try (EgressProxy proxy = EgressProxy.start("e-2", List.of(".example.com"), InetAddress.getLoopbackAddress());
             Socket s = new Socket(URI.create(proxy.url()).getHost(), URI.create(proxy.url()).getPort())) {
            s.getOutputStream().write(("CONNECT 127.0.0.1:" + sitePort + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

            assertEquals("HTTP/1.1 403 Forbidden", new BufferedReader(new InputStreamReader(s.getInputStream())).readLine());
        }
    }

    @Test
    void wildcardDomainsAllowSubdomains() throws Exception {
        try (EgressProxy proxy = EgressProxy.start("e-1", List.of(".example.com", "crates.io"), InetAddress.getLoopbackAddress())) {
            assertTrue(proxy.allows("example.com"));
            assertTrue(proxy.allows("static.files.example.com"));
            assertTrue(proxy.allows("crates.io"));
            assertFalse(proxy.allows("static.crates.io"));
            assertFalse(proxy.allows("example.org"));
        }
    }

    @Test
    void aRequestThatIsNotAProxyRequestIsBad() throws Exception {
        try (EgressProxy proxy = EgressProxy.start("e-1", List.of("127.0.0.1"), InetAddress.getLoopbackAddress());
             Socket s = new Socket(URI.create(proxy.url()).getHost(), URI.create(proxy.url()).getPort())) {
            s.getOutputStream().write("GET /relative HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

            assertEquals("HTTP/1.1 400 Bad Request", new BufferedReader(new InputStreamReader(s.getInputStream())).readLine());
        }
    }
}
