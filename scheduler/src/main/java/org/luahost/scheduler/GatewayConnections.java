package org.luahost.scheduler;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Threads: the handlers run on each connection's event loop; the timers
 * are kept in a concurrent map because one instance serves every loop.
 */
final class GatewayConnections {
    private final Vertx vertx;
    private final long deadlineMs;
    private final long keepAliveMs;
    /** The armed header timer of each connection that waits for a request's headers. */
    private final ConcurrentHashMap<HttpConnection, Long> waiting = new ConcurrentHashMap<>();

    private GatewayConnections(Vertx vertx, Duration deadline, Duration keepAlive) {
        this.vertx = vertx;
        this.deadlineMs = Math.max(1, deadline.toMillis());
        this.keepAliveMs = Math.max(1, keepAlive.toMillis());
    }

    /** Sets server's connection and request handlers: handler gets every request, under the deadlines. */
    static HttpServer install(Vertx vertx, HttpServer server, Duration deadline, Duration keepAlive, Handler<HttpServerRequest> handler) {
        GatewayConnections g = new GatewayConnections(vertx, deadline, keepAlive);
        server.connectionHandler(g::opened);
        server.requestHandler(req -> {
            g.headersArrived(req);
            handler.handle(req);
        });
        return server;
    }

    private void opened(HttpConnection c) {
        arm(c, deadlineMs);
        c.closeHandler(v -> disarm(c));
    }

    private void headersArrived(HttpServerRequest req) {
        HttpConnection c = req.connection();
        if (c == null) return;
        disarm(c);
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
