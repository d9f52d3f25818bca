package io.bacalao.domain.auth;

import com.sun.net.httpserver.HttpServer;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth2 provider for tests: RSA keys made here, their JWKS served over HTTP on 127.0.0.1, and RS256 tokens
 * signed with them. Also used by the system tests' copy of this class's logic.
 */
public final class TestJwks implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    final AtomicInteger fetches = new AtomicInteger();

    public TestJwks() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", x -> {
            fetches.incrementAndGet();
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        addKey("k1");
    }

    public synchronized void addKey(String kid) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            keys.put(kid, g.generateKeyPair());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    private synchronized String jwks() {
        List<Map<String, String>> list = new ArrayList<>();
        keys.forEach((kid, kp) -> {
            RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
            list.add(Map.of("kty", "RSA", "kid", kid, "use", "sig", "alg", "RS256",
                    "n", b64(unsigned(pub.getModulus().toByteArray())), "e", b64(unsigned(pub.getPublicExponent().toByteArray()))));
        });
        return Json.write(Map.of("keys", list));
    }

    /** An RS256 token signed by the key {@code kid} with these claims. */
    public synchronized String token(String kid, Map<String, Object> claims) {
        return sign(Map.of("alg", "RS256", "typ", "JWT", "kid", kid), claims, keys.get(kid).getPrivate());
    }

    /** A token signed by a key the JWKS does not hold, but naming {@code kid}. */
    public static String foreignToken(String kid, Map<String, Object> claims) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return sign(Map.of("alg", "RS256", "typ", "JWT", "kid", kid), claims, g.generateKeyPair().getPrivate());
    }

    static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        try {
            String signingInput = b64(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                    + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
