package io.bacalao.it.auth;

import com.sun.net.httpserver.HttpServer;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A test OAuth2 provider: an RSA key made here, its JWKS served on 127.0.0.1, RS256 tokens signed with it. */
final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final KeyPair key;

    JwksServer() throws IOException, java.security.GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        byte[] jwks = Json.write(Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "test-key", "use", "sig", "alg", "RS256",
                "n", b64(unsigned(pub.getModulus().toByteArray())), "e", b64(unsigned(pub.getPublicExponent().toByteArray()))))))
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", x -> {
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, jwks.length);
            x.getResponseBody().write(jwks);
            x.close();
        });
        server.start();
    }

    String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    String token(Map<String, Object> claims) throws java.security.GeneralSecurityException {
        String input = b64(Json.write(Map.of("alg", "RS256", "typ", "JWT", "kid", "test-key")).getBytes(StandardCharsets.UTF_8))
                + "." + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
