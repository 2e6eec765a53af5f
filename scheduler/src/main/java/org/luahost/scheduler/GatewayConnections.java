package org.luahost.scheduler;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The header deadlines of a server's connections (against slow-header
 * clients, "slowloris"): a connection must deliver its first request's
 * headers within the header deadline of opening, and the next request's
 * headers within the keep-alive deadline of the previous response's end;
 * otherwise it is closed. A client that sends a header byte every few
 * seconds therefore holds its connection (a socket and a few KB) for one
 * deadline at most, and never stops other clients: Netty reads every
 * connection without blocking. The keep-alive deadline is the longer one
 * by default: clients close their idle pooled connections first (the JDK's
 * after 30 s), so a request rarely meets a connection the server is just
 * closing. The request body
 * has its own deadline ({@link GatewayOptions#bodyTimeout}); a WebSocket
 * after its handshake, and a request whose answer is under way, have none.
 *
 * <p>A request with a Transfer-Encoding header is its connection's last
 * (answered with {@code connection: close}, then closed; requests pipelined
 * after it are not handled): see {@link LastRequests}.
 *
 * <p>It also bounds the open connections, in all and per client address
 * ({@link GatewayOptions#maxConnections},
 * {@link GatewayOptions#maxConnectionsPerClient}): a connection past either
 * limit is closed when it is accepted, before anything is read from it, and
 * counted in {@link #refused()}.
 *
 * <p>Threads: the handlers run on each connection's event loop; the timers
 * are kept in a concurrent map because one instance serves every loop.
 */
final class GatewayConnections {
    private final Vertx vertx;
    private final long deadlineMs;
    private final long keepAliveMs;
    private final int maxOpen;
    private final int maxPerClient;
    /** The armed header timer of each connection that waits for a request's headers. */
    private final ConcurrentHashMap<HttpConnection, Long> waiting = new ConcurrentHashMap<>();
    /** Open connections in all, and per client address (an entry lives while its count is above 0). */
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    /** The Transfer-Encoding rule's connections (see {@link LastRequests}). */
    private final LastRequests lastRequests = new LastRequests();

    private GatewayConnections(Vertx vertx, GatewayOptions options) {
        this.vertx = vertx;
        this.deadlineMs = Math.max(1, options.headerTimeout().toMillis());
        this.keepAliveMs = Math.max(1, options.keepAliveTimeout().toMillis());
        this.maxOpen = options.maxConnections();
        this.maxPerClient = options.maxConnectionsPerClient();
    }

    /** Sets server's connection and request handlers: handler gets every request, under the deadlines and limits. */
    static HttpServer install(Vertx vertx, HttpServer server, GatewayOptions options, Handler<HttpServerRequest> handler) {
        GatewayConnections g = new GatewayConnections(vertx, options);
        server.connectionHandler(g::opened);
        server.requestHandler(req -> {
            if (g.lastRequests.refuse(req)) return;   // after one with a Transfer-Encoding: never handled
            g.headersArrived(req);
            handler.handle(req);
        });
        server.invalidRequestHandler(GatewayConnections::invalid);
        return server;
    }

    /**
     * A request Netty could not decode (a request line or headers too long, a bad or doubled Content-Length,
     * a malformed line): the status Vert.x's default handler chose, now with the JSON body every error of the
     * gateway carries ({@code {"error": ...}}; before, an empty body), then the connection closes.
     */
    private static void invalid(HttpServerRequest req) {
        Throwable cause = req.decoderResult() == null ? null : req.decoderResult().cause();
        int status;
        String why;
        if (cause instanceof UnsupportedVersion u) {
            status = 505;
            why = "HTTP version '" + u.getMessage() + "' not supported (use HTTP/1.1)";
        } else if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
            status = 414;
            why = "request line too long";
        } else if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
            status = 431;
            why = "request headers too large";
        } else {
            status = 400;
            String m = cause == null || cause.getMessage() == null ? null : cause.getMessage();
            why = "malformed request" + (m == null ? "" : " (" + (m.length() > 200 ? m.substring(0, 200) + "..." : m) + ")");
        }
        GatewayHttp.close(req, status, why);
    }

    /** The decoder failure of a request whose version is not HTTP/1.0 or 1.1 (its message: the version). */
    private static final class UnsupportedVersion extends RuntimeException {
        UnsupportedVersion(String version) { super(version, null, false, false); }
    }

    /**
     * Makes a request that names an HTTP version other than 1.0 and 1.1
     * ({@code HTTP/2.0}, the h2 preface {@code PRI * HTTP/2.0},
     * {@code HTTP/1.2}, {@code HTTP/0.9}) a request Netty could not decode,
     * so that {@link #invalid} answers it (505 with the JSON body) instead of
     * Vert.x, which answered 501 with an empty body. A Netty handler in front
     * of Vert.x's, reached through the connection's public {@code channel()}
     * by reflection (Vert.x does not export that class); where that is not
     * possible (Vert.x on the module path, a future version), nothing is
     * installed and Vert.x's own 501 remains.
     */
    private static void guardVersions(HttpConnection c) {
        io.netty.channel.ChannelPipeline p;
        try {
            java.lang.reflect.Method m = c.getClass().getMethod("channel");
            p = ((io.netty.channel.Channel) m.invoke(c)).pipeline();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return;
        }
        if (p.get("luahost-versions") != null || p.lastContext() == null) return;
        p.addBefore(p.lastContext().name(), "luahost-versions", new io.netty.channel.ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof io.netty.handler.codec.http.HttpRequest r && r.decoderResult().isSuccess()) {
                    io.netty.handler.codec.http.HttpVersion v = r.protocolVersion();
                    if (v.majorVersion() != 1 || v.minorVersion() > 1) {
                        r.setProtocolVersion(io.netty.handler.codec.http.HttpVersion.HTTP_1_1);   // the answer's version
                        r.setDecoderResult(io.netty.handler.codec.DecoderResult.failure(new UnsupportedVersion(v.text())));
                    }
                }
                ctx.fireChannelRead(msg);
            }
        });
    }

    /** Connections closed at once because a limit was reached, since the server started. */
    int refused() { return refused.get(); }

    private void opened(HttpConnection c) {
        String client = c.remoteAddress() == null ? "unknown" : c.remoteAddress().hostAddress();
        if (!admit(client)) {
            refused.incrementAndGet();
            c.close();
            return;
        }
        guardVersions(c);
        arm(c, deadlineMs);
        c.closeHandler(v -> {
            disarm(c);
            release(client);
        });
    }

    /** Takes a place for one more connection from client; false (and nothing taken) past a limit. */
    private boolean admit(String client) {
        if (open.incrementAndGet() > maxOpen && maxOpen > 0) {
            open.decrementAndGet();
            return false;
        }
        boolean[] ok = {true};
        perClient.compute(client, (k, n) -> {
            if (n == null) n = new AtomicInteger();
            if (maxPerClient > 0 && n.get() >= maxPerClient) {
                ok[0] = false;
                return n.get() == 0 ? null : n;
            }
            n.incrementAndGet();
            return n;
        });
        if (!ok[0]) open.decrementAndGet();
        return ok[0];
    }

    private void release(String client) {
        open.decrementAndGet();
        perClient.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private void headersArrived(HttpServerRequest req) {
        HttpConnection c = req.connection();
        if (c == null) return;
        disarm(c);
        if (lastRequests.isLast(req)) return;   // its answer closes the connection
        // the next request's headers are due within the keep-alive deadline of this response's end
        // (a connection closed meanwhile keeps its entry until the timer fires: harmless, bounded)
        req.response().endHandler(v -> arm(c, keepAliveMs));
    }

    private void arm(HttpConnection c, long ms) {
        long t = vertx.setTimer(ms, id -> {
            if (waiting.remove(c, id)) c.close();
        });
        Long old = waiting.put(c, t);
        if (old != null) vertx.cancelTimer(old);
    }

    private void disarm(HttpConnection c) {
        Long t = waiting.remove(c);
        if (t != null) vertx.cancelTimer(t);
    }
}
