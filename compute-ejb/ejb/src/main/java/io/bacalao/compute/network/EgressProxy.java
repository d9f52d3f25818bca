package io.bacalao.compute.network;

import io.bacalao.domain.model.DomainRule;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The HTTP(S) forward proxy of one execution with an HTTP network: the only way out of the execution's internal
 * Docker network (Bacalhau runs squid in a gateway container for this, {@code pkg/executor/docker/network.go}). It
 * serves {@code CONNECT host:port} (HTTPS, tunnelled untouched) and absolute-URI requests ({@code GET http://host/…},
 * sent on with {@code Connection: close}) to hosts that one of the task's {@code Domains} matches
 * ({@link DomainRule}); any other host gets {@code 403 Forbidden}. Names are resolved by this node. One virtual
 * thread per connection and direction; {@link #close} stops listening and drops every open connection.
 */
public final class EgressProxy implements Closeable {
    private static final Logger LOG = Logger.getLogger(EgressProxy.class.getName());
    /** The request head a client may send: beyond this the connection is refused (431). */
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final String executionId;
    private final List<DomainRule> allowed;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private EgressProxy(String executionId, List<DomainRule> allowed, ServerSocket server) {
        this.executionId = executionId;
        this.allowed = allowed;
        this.server = server;
    }

    /** Listens on {@code address} (a free port) and serves until closed. */
    public static EgressProxy start(String executionId, List<String> domains, InetAddress address) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(address, 0));
        EgressProxy proxy = new EgressProxy(executionId, domains.stream().map(DomainRule::parse).toList(), server);
        Thread.ofVirtual().name("egress-" + executionId).start(proxy::accept);
        return proxy;
    }

    /** The proxy URL to give the container ({@code http://address:port}). */
    public String url() {
        String host = server.getInetAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort();
    }

    /** Whether the task's Domains let a request to {@code host} through. */
    public boolean allows(String host) {
        return allowed.stream().anyMatch(r -> r.matches(host));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                answer(out, 431, "Request Header Fields Too Large");
                return;
            }
            int lineEnd = head.indexOf("\r\n");
            String[] request = head.substring(0, lineEnd < 0 ? head.length() : lineEnd).split(" ");
            Target target = request.length == 3 ? Target.of(request[0], request[1]) : null;
            if (target == null) {
                answer(out, 400, "Bad Request");
                return;
            }
            if (!allows(target.host())) {
                LOG.fine(() -> "execution " + executionId + ": refused " + target.host() + " (not in the job's Domains)");
                answer(out, 403, "Forbidden");
                return;
            }
            upstream = new Socket();
            open.add(upstream);
            try {
                upstream.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MS);
            } catch (IOException unreachable) {
                answer(out, 502, "Bad Gateway");
                return;
            }
            if (request[0].equals("CONNECT")) {
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } else {
                upstream.getOutputStream().write(originForm(request, target, head).getBytes(StandardCharsets.ISO_8859_1));
            }
            pipe(client, upstream);
        } catch (IOException dropped) {
            // the client or the upstream went away; nothing to report
        } finally {
            open.remove(client);
            if (upstream != null) {
                open.remove(upstream);
                closeQuietly(upstream);
            }
        }
    }

    /** Copies both ways until either side closes; the calling thread does client → upstream. */
    private static void pipe(Socket client, Socket upstream) throws IOException {
        Thread back = Thread.ofVirtual().start(() -> {
            try {
                upstream.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException ignored) {
                // closed
            } finally {
                closeQuietly(client);
            }
        });
        try {
            client.getInputStream().transferTo(upstream.getOutputStream());
            upstream.shutdownOutput();
            back.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request line in origin form, the client's headers without Proxy-* and Connection, and Connection: close. */
    private static String originForm(String[] request, Target target, String head) {
        StringBuilder sb = new StringBuilder(request[0]).append(' ').append(target.path()).append(' ').append(request[2])
                .append("\r\n");
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String name = lines[i].contains(":") ? lines[i].substring(0, lines[i].indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
            if (name.isEmpty() || name.startsWith("proxy-") || name.equals("connection") || name.equals("keep-alive")) continue;
            sb.append(lines[i]).append("\r\n");
        }
        return sb.append("Connection: close\r\n\r\n").toString();
    }

    /** The request head up to and without its blank line, or null when it is larger than {@link #MAX_HEAD_BYTES}. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) throw new IOException("closed before the request head ended");
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static void answer(OutputStream out, int status, String reason) throws IOException {
        String body = status + " " + reason + " (Bacalao egress proxy: only the job's Network.Domains are reachable)\n";
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(EgressProxy::closeQuietly);
        open.clear();
    }

    /** Where a request goes: CONNECT's {@code host:port}, or an absolute {@code http://} URI's host, port and path. */
    record Target(String host, int port, String path) {
        static Target of(String method, String uri) {
            try {
                if (method.equals("CONNECT")) {
                    URI u = new URI("tcp://" + uri);
                    return u.getHost() == null || u.getPort() < 0 ? null : new Target(bare(u.getHost()), u.getPort(), "");
                }
                URI u = new URI(uri);
                if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) return null;
                String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
                if (u.getRawQuery() != null) path += "?" + u.getRawQuery();
                return new Target(bare(u.getHost()), u.getPort() < 0 ? 80 : u.getPort(), path);
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }

        /** An IPv6 host without its URI brackets. */
        private static String bare(String host) {
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }
    }
}
