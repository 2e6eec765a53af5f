package org.luahost.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * How a {@link Gateway} listens and what it accepts. Mutable with fluent
 * setters; the gateway reads them once, when it starts.
 *
 * <p>Defaults are safe to keep: it listens on 127.0.0.1 only, without
 * authentication (every client is {@link Principal#ANONYMOUS}); give
 * {@link #host} another address only together with an {@link #auth} hook
 * (the CLI refuses to, without {@code --token} or {@code --no-auth}).
 */
public final class GatewayOptions {
    private String host = "127.0.0.1";
    private int port = 8080;
    private GatewayAuth auth = GatewayAuth.none();
    private int maxBody = 1 << 20;
    private Duration bodyTimeout = Duration.ofSeconds(10);
    private Duration headerTimeout = Duration.ofSeconds(10);
    private Duration callDeadline = Duration.ofSeconds(10);
    private Duration keepAliveTimeout = Duration.ofSeconds(60);
    private int maxDepth = 100;
    private long maxResultBytes = 16L << 20;
    private int maxFrame = 64 << 10;
    private int maxPending = 4 << 20;
    private long maxPendingTotal = -1;
    private long maxReceiving;
    private int maxConnections = 10_000;
    private int maxConnectionsPerClient = 1_000;
    private double sessionRate = 10;
    private int sessionBurst = 20;
    private Path tlsCert;
    private Path tlsKey;
    private Path tlsClientCa;
    private Supplier<String> metrics;
    private Runnable drain;

    public String host() { return host; }
    /** The address to listen on (default 127.0.0.1; "0.0.0.0" for every interface). */
    public GatewayOptions host(String h) { this.host = h; return this; }

    public int port() { return port; }
    /** The port (default 8080; 0: any free port, the started server says which). */
    public GatewayOptions port(int p) { this.port = p; return this; }

    public GatewayAuth auth() { return auth; }
    /** Who may do what ({@link GatewayAuth}); default {@link GatewayAuth#none()}. */
    public GatewayOptions auth(GatewayAuth a) { this.auth = a; return this; }

    public int maxBody() { return maxBody; }
    /** Largest request body in bytes (default 1 MiB); a larger one gets 413 and is not read into memory; also the largest WebSocket message. */
    public GatewayOptions maxBody(int n) { this.maxBody = n; return this; }

    /** The bound of {@link #maxReceiving(long)} in effect: as set, or an eighth of the maximum heap. */
    public long maxReceiving() { return maxReceiving > 0 ? maxReceiving : Runtime.getRuntime().maxMemory() / 8; }
    /**
     * Bytes of requests still arriving the gateway holds at most, in all
     * (HTTP bodies, fragmented WebSocket messages; the first 16 KB of each
     * do not count); default 0: an eighth of the maximum heap. A request
     * that would pass it gets 503 (a WebSocket is closed with 1013).
     */
    public GatewayOptions maxReceiving(long n) { this.maxReceiving = n; return this; }

    public Duration bodyTimeout() { return bodyTimeout; }
    /** How long a request body may take to arrive (default 10 s); a slower one gets 408 and the connection closes. */
    public GatewayOptions bodyTimeout(Duration d) { this.bodyTimeout = d; return this; }

    public Duration callDeadline() { return callDeadline; }
    /**
     * How long a call, a send or a WebSocket handshake may wait for its
     * session (a turn that waits on a Java future, a {@code host.call} to a
     * busy session, a long turn, a slow start) before the gateway answers
     * {@code 504} with a JSON body (default 10 s; ZERO: no deadline). The
     * call goes on in its session; its late result is dropped.
     */
    public GatewayOptions callDeadline(Duration d) { this.callDeadline = d; return this; }

    public Duration headerTimeout() { return headerTimeout; }
    /**
     * How long a new connection may take to send its first request's headers
     * (default 10 s); a slower one is closed (against slow-header clients;
     * see {@link Gateway#serve}).
     */
    public GatewayOptions headerTimeout(Duration d) { this.headerTimeout = d; return this; }

    public Duration keepAliveTimeout() { return keepAliveTimeout; }
    /**
     * How long a kept-alive connection may take, from the end of a response,
     * to send the next request's headers (default 60 s: longer than clients
     * keep idle connections, so that they close them first); a slower one
     * is closed.
     */
    public GatewayOptions keepAliveTimeout(Duration d) { this.keepAliveTimeout = d; return this; }

    public int maxDepth() { return maxDepth; }
    /** Deepest nesting of arrays/objects in a request and of tables in a result (default 100): 422 beyond it. */
    public GatewayOptions maxDepth(int n) { this.maxDepth = n; return this; }

    public long maxResultBytes() { return maxResultBytes; }
    /** Largest JSON text of a call's results or of one pushed WebSocket message (default 16 MiB): 413 (or an error frame) beyond it. */
    public GatewayOptions maxResultBytes(long n) { this.maxResultBytes = n; return this; }

    public int maxFrame() { return maxFrame; }
    /** Largest WebSocket frame a client may send (default 64 KiB); a larger one closes the connection (1009). */
    public GatewayOptions maxFrame(int n) { this.maxFrame = n; return this; }

    public int maxPending() { return maxPending; }
    /**
     * Bytes of pushed messages that may wait for one slow WebSocket client
     * (default 4 MiB). A push that would go past it closes that client's
     * connection (status 1008, "client too slow"); the push itself never
     * waits and never fails, and other clients still get it.
     */
    public GatewayOptions maxPending(int n) { this.maxPending = n; return this; }

    public long maxPendingTotal() { return maxPendingTotal; }
    /**
     * Bytes of pushed messages that may wait for all the WebSocket clients of
     * the gateway together (-1, the default: an eighth of the maximum heap; 0:
     * no bound). A push that would go past it drops the client it was going
     * to, as {@link #maxPending} does (1008, "client too slow"). Without it,
     * 300 clients that read nothing held 3.9 MB each of one push (1.2 GB).
     */
    public GatewayOptions maxPendingTotal(long n) { this.maxPendingTotal = n; return this; }

    public int maxConnections() { return maxConnections; }
    /**
     * Open connections at most (default 10,000; 0: no limit): one more is
     * closed as soon as it is accepted, before it is read, so a flood of
     * connections cannot use up the process's file descriptors (which the
     * store needs too) or its heap. Connections that finish free their place.
     */
    public GatewayOptions maxConnections(int n) { this.maxConnections = Math.max(0, n); return this; }

    public int maxConnectionsPerClient() { return maxConnectionsPerClient; }
    /**
     * Open connections from one client address at most (default 1,000; 0: no
     * limit), so one client cannot take every place of
     * {@link #maxConnections}; one more is closed as soon as it is accepted.
     */
    public GatewayOptions maxConnectionsPerClient(int n) { this.maxConnectionsPerClient = Math.max(0, n); return this; }

    public double sessionRate() { return sessionRate; }
    public int sessionBurst() { return sessionBurst; }
    /**
     * How fast one client (its principal's name, or its remote address for
     * the anonymous client) may make the gateway start sessions: perSecond
     * on average, burst at once (a token bucket). A request that would start
     * one beyond it gets 429 with Retry-After. Default 10/s, burst 20;
     * perSecond 0: no limit.
     */
    public GatewayOptions sessionRate(double perSecond, int burst) {
        this.sessionRate = perSecond;
        this.sessionBurst = Math.max(1, burst);
        return this;
    }

    /** TLS with this certificate chain and private key (PEM files); null, null: plain HTTP (default). */
    public GatewayOptions tls(Path certPem, Path keyPem) {
        this.tlsCert = certPem;
        this.tlsKey = keyPem;
        return this;
    }

    /** With TLS: clients must present a certificate signed by one of these CAs (PEM; mutual TLS). */
    public GatewayOptions tlsClientCa(Path caPem) { this.tlsClientCa = caPem; return this; }

    public boolean tls() { return tlsCert != null; }

    public Runnable drain() { return drain; }
    /**
     * What {@code POST /drain} (admin) starts, answering {@code 202} at once:
     * a graceful stop of this node (its sessions saved and passivated, their
     * cluster directory entries released, the node leaving the cluster).
     * {@code luahost serve} sets it to its SIGTERM path; without it the
     * route is 404.
     */
    public GatewayOptions drain(Runnable action) { this.drain = action; return this; }

    public Supplier<String> metrics() { return metrics; }
    /**
     * What {@code GET /metrics} answers (admin): a scrape of the metrics in
     * the Prometheus text format, e.g. {@code prometheusRegistry::scrape}
     * (called on a worker thread, once per request). null (default): the
     * route is 404. A hook, so that the scheduler does not depend on a
     * Prometheus registry.
     */
    public GatewayOptions metrics(Supplier<String> scrape) { this.metrics = scrape; return this; }

    /** The Vert.x server options these make. */
    public HttpServerOptions serverOptions() {
        HttpServerOptions o = new HttpServerOptions().setHost(host).setPort(port)
                .setHttp2ClearTextEnabled(false)   // HTTP/1.1 (and WebSocket) only; one set of rules to harden
                .setMaxWebSocketFrameSize(maxFrame).setMaxWebSocketMessageSize(Math.max(maxFrame, maxBody))
                // a WebSocket the server closes (a client too slow, a frame too large) is cut after 2 s if the
                // client does not answer the close (Vert.x's default: 10 s, holding its pending pushes meanwhile)
                .setWebSocketClosingTimeout(2)
                // no permessage-deflate nor per-frame deflate: Netty inflates a compressed message on the event
                // loop, in one piece, before any size limit sees it (a 50 KB frame of zeros inflated to 50 MB held
                // an event loop for minutes, and every session behind it stopped answering); and without an
                // extension the decoder fails a frame with a reserved bit set (1002), as RFC 6455 requires
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        if (tlsCert != null) {
            o.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(tlsCert.toString()).setKeyPath(tlsKey.toString()));
            if (tlsClientCa != null) {
                o.setTrustOptions(new PemTrustOptions().addCertPath(tlsClientCa.toString())).setClientAuth(ClientAuth.REQUIRED);
            }
        }
        return o;
    }
}
