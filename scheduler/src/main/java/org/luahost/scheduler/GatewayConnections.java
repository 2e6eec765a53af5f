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
        if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
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

    /** Connections closed at once because a limit was reached, since the server started. */
    int refused() { return refused.get(); }

    private void opened(HttpConnection c) {
        String client = c.remoteAddress() == null ? "unknown" : c.remoteAddress().hostAddress();
        if (!admit(client)) {
            refused.incrementAndGet();
            c.close();
            return;
        }
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
