package org.luahost.scheduler;

import java.time.Duration;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.luahost.coroutines.ValueException;
import org.luahost.coroutines.ValueLimits;

/**
 * The HTTP and WebSocket front of a {@link LuaHost} (used by
 * {@code luahost serve}); sessions start from the host's default script on
 * first use. Routes:
 *
 * <ul>
 * <li>{@code POST /sessions/{id}/call/{function}} with a JSON array of
 *     arguments: calls the function the script exported under that name
 *     ({@code host.export{name = fn}}; nothing else is callable: not other
 *     globals, not library functions, not {@code on_message});
 *     {@code 200} and a JSON array of the results; a Lua error: {@code 500}
 *     and {@code {"error": message, "traceback": ...}}; not a JSON array:
 *     {@code 400}; no such export: {@code 404}; no result within
 *     {@link GatewayOptions#callDeadline}: {@code 504} (the call goes on in
 *     its session, its late result is dropped).</li>
 * <li>{@code POST /sessions/{id}/send} with a JSON array: delivered to
 *     {@code on_message(from, ...)} where from names the client
 *     ({@link Principal#sender}: {@code "http"}, or {@code "http:NAME"} for
 *     an authenticated client); {@code 202}.</li>
 * <li>{@code GET /sessions} (admin): the live sessions with their counters.</li>
 * <li>{@code GET /metrics} (admin): the host's metrics in the Prometheus text
 *     format, when {@link GatewayOptions#metrics} gives a scrape (else 404).</li>
 * <li>{@code DELETE /sessions/{id}} (admin): stops the session; {@code 204}.</li>
 * <li>{@code POST /drain} (admin; when {@link GatewayOptions#drain} is set):
 *     {@code 202}, then the node stops gracefully (see there).</li>
 * <li>{@code POST /sessions/{id}/kill} (admin; optional query {@code reason}):
 *     kills the session now, even while a turn runs ({@link LuaHost#kill}):
 *     the running turn fails with {@code session killed (reason)};
 *     {@code 204} once it stopped, {@code 404} when no such session runs.</li>
 * <li>WebSocket {@code /sessions/{id}/ws}: each text frame is a JSON value
 *     delivered to {@code on_message(from, value)} (from {@code "ws"} or
 *     {@code "ws:NAME"}: the connection's principal, never something the
 *     client writes); each {@code host.push(v)} of the session is sent to its
 *     clients as one text frame (see {@link GatewaySocket}).</li>
 * </ul>
 *
 * <p>Every answer that is not a success has a JSON body {@code {"error": ...}}.
 * Before routing, the {@link GatewayAuth} hook decides who the client is
 * (401/403); paths are percent-decoded strictly (400); session ids may not
 * be empty, longer than 200 characters, hold control characters, or be a
 * gateway sender name ({@code http}, {@code ws}, {@code http:...},
 * {@code ws:...}) (400), so no session the gateway starts can pose as a
 * client; a request that would start a session beyond the client's rate
 * gets 429 with Retry-After. Limits ({@link GatewayOptions}): request headers
 * too slow (a new connection, or an idle kept-alive one): the connection
 * closes (see {@link #serve}); body size 413,
 * slow body 408, JSON nesting 422 (requests and results), result size 413.
 * Results are encoded on a worker thread, never on the event loop.
 *
 * <p>To mount it on a server of your own, for example on a {@code vertx-web}
 * Router beside other routes: {@code router.route("/sessions/*").handler(c ->
 * gateway.handle(c.request()))} (before any BodyHandler on that path: the
 * gateway reads bodies itself, with its limits), with the gateway from
 * {@link #create}, and the server started with
 * {@code Gateway.serve(vertx, server, headerTimeout, keepAliveTimeout, router).listen()}
 * for the header deadlines, the connection limits and the Transfer-Encoding rule
 * ({@link LastRequests}) on every route; without it the gateway still applies that
 * rule to the requests it gets. The gateway routes on the request's whole path, so it
 * is mounted at the root's {@code /sessions}, not under a prefix. The JSON
 * mapping is {@link LuaJson}'s.
 *
 * <p>Threads: {@link #handle} runs on the server's event loop.
 */
public final class Gateway {
    /** Default limit on a request body (1 MiB). */
    public static final int DEFAULT_MAX_BODY = 1 << 20;

    final LuaHost host;
    final GatewayOptions options;
    /** The bytes of requests still arriving, bounded in all. */
    final Receiving receiving;
    final ValueLimits limits;
    /** Bytes pushed to this gateway's WebSocket clients and not yet handed to the kernel, all clients together. */
    final java.util.concurrent.atomic.AtomicLong pendingTotal = new java.util.concurrent.atomic.AtomicLong();
    /** The bound of {@link #pendingTotal} (0: none), from {@link GatewayOptions#maxPendingTotal}. */
    final long maxPendingTotal;
    /** The frame of the last push, with the values it encodes (see {@link GatewaySocket#frameOf}). */
    volatile Pushed lastPushed;

    /** A push's values (the array Subscribers hands every subscriber) and their frame. */
    record Pushed(Object[] values, String frame) {}
    private final SessionRate rate;
    /** The Transfer-Encoding rule for the requests this gateway gets (also when mounted without {@link #serve}). */
    private final LastRequests lastRequests = new LastRequests();

    private Gateway(LuaHost host, GatewayOptions options) {
        this.host = host;
        this.options = options;
        this.limits = new ValueLimits(options.maxDepth(), ValueLimits.DEFAULT.maxEntries());
        this.rate = new SessionRate(options.sessionRate(), options.sessionBurst());
        this.receiving = new Receiving(options.maxReceiving());
        this.maxPendingTotal = options.maxPendingTotal() >= 0 ? options.maxPendingTotal() : Runtime.getRuntime().maxMemory() / 8;
    }

    /** A gateway for host, to mount with {@link #handle}. */
    public static Gateway create(LuaHost host, GatewayOptions options) { return new Gateway(host, options); }

    /** Starts the gateway on bindHost:port (0: any free port; the server says which), default limits, no authentication. */
    public static Future<HttpServer> start(LuaHost host, String bindHost, int port) {
        return start(host, new GatewayOptions().host(bindHost).port(port));
    }

    /** As {@link #start(LuaHost, String, int)}, with a body limit of maxBody bytes. */
    public static Future<HttpServer> start(LuaHost host, String bindHost, int port, int maxBody) {
        return start(host, new GatewayOptions().host(bindHost).port(port).maxBody(maxBody));
    }

    /** Starts the gateway as options say. */
    public static Future<HttpServer> start(LuaHost host, GatewayOptions options) {
        Gateway g = new Gateway(host, options);
        return serve(host.vertx(), host.vertx().createHttpServer(options.serverOptions()), options, g::handle).listen();
    }

    /**
     * Sets server's request handler to handler (this gateway's {@link #handle},
     * or a {@code vertx-web} Router the gateway is mounted on) behind header
     * deadlines: a connection that does not deliver its first request's
     * headers within headerTimeout of opening, or the next request's within
     * keepAliveTimeout of the previous response's end, is closed, so
     * slow-header clients hold nothing for long. Also sets the server's
     * connection handler. Returns server, to listen on.
     */
    public static HttpServer serve(Vertx vertx, HttpServer server, Duration headerTimeout, Duration keepAliveTimeout,
            Handler<HttpServerRequest> handler) {
        return serve(vertx, server, new GatewayOptions().headerTimeout(headerTimeout).keepAliveTimeout(keepAliveTimeout), handler);
    }

    /**
     * As {@link #serve(Vertx, HttpServer, Duration, Duration, Handler)}, with
     * the deadlines and the connection limits of options
     * ({@link GatewayOptions#maxConnections}, {@link GatewayOptions#maxConnectionsPerClient}).
     */
    public static HttpServer serve(Vertx vertx, HttpServer server, GatewayOptions options, Handler<HttpServerRequest> handler) {
        return GatewayConnections.install(vertx, server, options, handler);
    }

    /**
     * Reads req's body under this gateway's limits, then hands it to then (on
     * req's event loop): at most {@link GatewayOptions#maxBody} bytes (413),
     * all within {@link GatewayOptions#bodyTimeout} (408), and counted in the
     * bound on bytes being received by all requests at once
     * ({@link GatewayOptions#maxReceiving}, 503); each refusal closes the
     * connection. For routes served beside the gateway that take a body (the
     * console's eval and import), so that they hold no more, and no longer,
     * than the gateway's own.
     */
    public void readBody(HttpServerRequest req, java.util.function.Consumer<io.vertx.core.buffer.Buffer> then) {
        GatewayHttp.body(host.vertx(), req, options.maxBody(), options.bodyTimeout().toMillis(), receiving, then);
    }

    /** Handles one request (WebSocket upgrades included). */
    public void handle(HttpServerRequest req) {
        if (lastRequests.refuse(req)) return;   // after a request with a Transfer-Encoding on its connection
        if (req.method() == HttpMethod.GET && (req.path().equals("/health") || req.path().equals("/ready"))) {
            health(req, req.path().equals("/health"));   // probes need no token: statuses and reasons only
            return;
        }
        Principal p;
        try {
            p = options.auth().authenticate(new GatewayAuth.Request(req.method().name(), req.path(), req.headers(),
                    req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress()));
            if (p == null) throw new GatewayAuth.Refused(401, "not authenticated");
        } catch (GatewayAuth.Refused r) {
            GatewayHttp.close(req, r.status(), r.getMessage());
            return;
        } catch (RuntimeException e) {
            GatewayHttp.close(req, 500, "authentication failed: " + e);
            return;
        }
        List<String> seg;
        try {
            seg = GatewayHttp.segments(req.path());
        } catch (IllegalArgumentException e) {
            GatewayHttp.close(req, 400, e.getMessage());
            return;
        }
        route(req, p, seg);
    }

    private void route(HttpServerRequest req, Principal p, List<String> seg) {
        HttpMethod m = req.method();
        int n = seg.size();
        if (n == 1 && m == HttpMethod.GET && seg.getFirst().equals("metrics") && options.metrics() != null) {
            if (admin(req, p)) metrics(req);
        } else if (n == 1 && m == HttpMethod.POST && seg.getFirst().equals("drain") && options.drain() != null) {
            if (admin(req, p)) {
                req.response().setStatusCode(202).putHeader("content-type", "text/plain; charset=utf-8")
                        .end("draining: the sessions are saved and passivated, then the node leaves\n");
                options.drain().run();
            }
        } else if (n == 0 || !seg.getFirst().equals("sessions")) {
            GatewayHttp.close(req, 404, "no route for " + m + " " + req.path());
        } else if (n == 1 && m == HttpMethod.GET) {
            if (admin(req, p)) list(req);
        } else if (n == 2 && m == HttpMethod.DELETE) {
            if (admin(req, p) && session(req, p, seg.get(1), false)) {
                host.stop(seg.get(1)).onComplete(x -> req.response().setStatusCode(204).end());
            }
        } else if (n == 3 && m == HttpMethod.POST && seg.get(2).equals("kill")) {
            if (admin(req, p) && session(req, p, seg.get(1), false)) kill(req, seg.get(1));
        } else if (n == 4 && m == HttpMethod.POST && seg.get(2).equals("call")) {
            String id = seg.get(1), fn = seg.get(3);
            if (!p.functions().test(fn)) {
                GatewayHttp.close(req, 403, "not allowed to call '" + fn + "'");
            } else if (session(req, p, id, true)) {
                GatewayHttp.body(host.vertx(), req, options.maxBody(), options.bodyTimeout().toMillis(), receiving,
                        b -> call(req, id, p.sender("http"), fn, b));
            }
        } else if (n == 3 && m == HttpMethod.POST && seg.get(2).equals("send")) {
            String id = seg.get(1);
            if (session(req, p, id, true)) {
                GatewayHttp.body(host.vertx(), req, options.maxBody(), options.bodyTimeout().toMillis(), receiving,
                        b -> send(req, id, p.sender("http"), b));
            }
        } else if (n == 3 && seg.get(2).equals("ws")) {
            if (!req.canUpgradeToWebSocket()) GatewayHttp.close(req, 400, "this route takes a WebSocket upgrade");
            else if (handshakeOk(req) && session(req, p, seg.get(1), true)) new GatewaySocket(this, req, seg.get(1), p).open();
        } else {
            GatewayHttp.close(req, 404, "no route for " + m + " " + req.path());
        }
    }

    /**
     * Answers a WebSocket handshake Vert.x would refuse with a body that is
     * not JSON (a plain-text 400 without {@code Sec-WebSocket-Key}, an empty
     * 426 for a version it does not speak), and returns false; true if the
     * handshake may go on.
     */
    private static boolean handshakeOk(HttpServerRequest req) {
        String version = req.getHeader("sec-websocket-version");
        if (version == null || !(version.strip().equals("13") || version.strip().equals("8") || version.strip().equals("7"))) {
            req.response().putHeader("sec-websocket-version", "13");
            GatewayHttp.close(req, 426, "a WebSocket handshake needs Sec-WebSocket-Version: 13"
                    + (version == null ? "" : " (not '" + brief(version) + "')"));
            return false;
        }
        String key = req.getHeader("sec-websocket-key");
        if (key == null || key.isBlank()) {
            GatewayHttp.close(req, 400, "a WebSocket handshake needs a Sec-WebSocket-Key header");
            return false;
        }
        return true;
    }

    private static String brief(String s) { return s.length() > 40 ? s.substring(0, 40) + "..." : s; }

    private static boolean admin(HttpServerRequest req, Principal p) {
        if (p.admin()) return true;
        GatewayHttp.close(req, 403, "this route is for the admin");
        return false;
    }

    /**
     * Why id may not name a session a client starts (empty, longer than 200
     * characters, with control characters, or a gateway sender name), or null
     * if it may: the rule of the gateway's routes, for other routes that start
     * or store sessions (the console's eval and import).
     */
    public static String idProblem(String id) {
        if (id.isEmpty() || id.length() > 200 || id.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return "bad session id (1 to 200 characters, no control characters)";
        }
        if (id.equals("http") || id.equals("ws") || id.startsWith("http:") || id.startsWith("ws:")) {
            return "session id '" + id + "' is reserved: it names gateway senders";
        }
        return null;
    }

    /** Checks that p may use session id (and, when start, may start it now); answers and returns false if not. */
    private boolean session(HttpServerRequest req, Principal p, String id, boolean start) {
        String bad = idProblem(id);
        if (bad != null) {
            GatewayHttp.close(req, 400, bad);
            return false;
        }
        if (!p.sessions().test(id)) {
            GatewayHttp.close(req, 403, "not allowed to use session '" + id + "'");
            return false;
        }
        if (start && host.find(id) == null) {
            String client = p.name() != null ? "principal " + p.name()
                    : "address " + (req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress());
            long wait = rate.take(client);
            if (wait > 0) {
                req.response().putHeader("retry-after", Long.toString(wait));
                GatewayHttp.close(req, 429, "too many new sessions from this client (limit " + options.sessionRate()
                        + "/s, burst " + options.sessionBurst() + "); retry in " + wait + " s");
                return false;
            }
        }
        return true;
    }

    /** Kills session id (the admin's kill route): 204 once it stopped, 404 when it does not run. */
    private void kill(HttpServerRequest req, String id) {
        host.isLive(id).onComplete(ar -> {
            if (ar.failed()) failure(req, ar.cause());
            else if (!ar.result()) GatewayHttp.close(req, 404, "no live session '" + id + "'");
            else killLive(req, id);
        });
    }

    private void killLive(HttpServerRequest req, String id) {
        String reason;
        try {
            reason = req.getParam("reason");
        } catch (IllegalArgumentException e) {
            GatewayHttp.close(req, 400, "bad query string: " + e.getMessage());
            return;
        }
        if (reason == null || reason.isBlank()) reason = "killed by the admin";
        if (reason.length() > 200) reason = reason.substring(0, 200);
        host.kill(id, reason).onComplete(ar -> {
            if (ar.succeeded()) req.response().setStatusCode(204).end();
            else failure(req, ar.cause());
        });
    }

    /** GET /metrics: the scrape, made on a worker thread (it walks the live sessions for the gauges). */
    private void metrics(HttpServerRequest req) {
        host.vertx().executeBlocking(() -> options.metrics().get(), false).onComplete(ar -> {
            if (ar.failed()) {
                GatewayHttp.close(req, 500, "metrics failed: " + ar.cause());
                return;
            }
            req.response().setStatusCode(200).putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(ar.result());
        });
    }

    /** GET /health (the live checks) or /ready (all): 200 with the checks' JSON when up, else 503. */
    private void health(HttpServerRequest req, boolean liveOnly) {
        (liveOnly ? host.health().checkStatus("live") : host.health().checkStatus()).onComplete(ar -> {
            if (ar.failed()) {
                GatewayHttp.close(req, 503, "health checks failed: " + ar.cause().getMessage());
                return;
            }
            io.vertx.ext.healthchecks.CheckResult r = ar.result();
            GatewayHttp.json(req, io.vertx.ext.healthchecks.CheckResult.isUp(r) ? 200 : 503, r.toJson().encode());
        });
    }

    /**
     * GET /sessions: the live sessions of every node (with "node" in a
     * cluster), sorted by id; {@code ?scope=node}: this node's only.
     */
    private void list(HttpServerRequest req) {
        boolean clustered = host.options().cluster() != null;
        String scope;
        try {
            scope = req.getParam("scope", "cluster");
        } catch (IllegalArgumentException e) {
            GatewayHttp.close(req, 400, "bad query string: " + e.getMessage());
            return;
        }
        if (!scope.equals("cluster") && !scope.equals("node")) {
            GatewayHttp.close(req, 400, "scope is 'cluster' (the default) or 'node'");
            return;
        }
        Future<java.util.Map<String, java.util.Collection<SessionStats>>> asked = scope.equals("node") || !clustered
                ? Future.succeededFuture(java.util.Map.of("local", host.stats())) : host.statsByNode();
        boolean named = clustered && scope.equals("cluster");
        asked.onComplete(ar -> {
            if (ar.failed()) {
                failure(req, ar.cause());
                return;
            }
            java.util.List<JsonObject> rows = new java.util.ArrayList<>();
            ar.result().forEach((node, stats) -> {
                for (SessionStats s : stats) {
                    JsonObject o = new JsonObject().put("id", s.id()).put("handled", s.handled()).put("errors", s.errors())
                            .put("cpuMillis", s.cpuNanos() / 1_000_000.0).put("memoryEstimate", s.memoryEstimate())
                            .put("mailbox", s.mailbox()).put("idleMillis", s.idleMillis());
                    if (named) o.put("node", node);
                    rows.add(o);
                }
            });
            rows.sort(java.util.Comparator.comparing((JsonObject o) -> o.getString("id")));
            GatewayHttp.json(req, 200, new JsonArray(new java.util.ArrayList<>(rows)).encode());
        });
    }

    /** The request body as Lua arguments, or null after answering 400/422/413. */
    private Object[] arguments(HttpServerRequest req, Buffer body) {
        Object v;
        try {
            v = LuaJson.parse(body, options.maxDepth());
        } catch (ValueException e) {
            GatewayHttp.error(req, 422, e.getMessage(), null);
            return null;
        } catch (DecodeException e) {
            GatewayHttp.error(req, 400, "the request body is not JSON: " + e.getMessage(), null);
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            GatewayHttp.error(req, 400, "the request body must be a JSON array of arguments", null);
            return null;
        }
        try {
            for (int i = 0; i < a.size(); i++) LuaJson.checkFinite(a.getList().get(i), "argument " + (i + 1));
        } catch (ValueException e) {
            GatewayHttp.error(req, 400, e.getMessage(), null);   // 1e999999: no JSON text holds inf
            return null;
        }
        try {
            return LuaJson.fromJsonArray(a, limits);
        } catch (SessionException e) {
            GatewayHttp.error(req, 422, e.getMessage(), null);
            return null;
        }
    }

    /** Bodies up to this size are converted to Lua on the event loop; larger ones on a worker ({@link #withArguments}). */
    static final int INLINE_BODY = 16 << 10;

    /**
     * then with the arguments of body (unless an error was answered),
     * converted on a worker when the body is larger than {@link #INLINE_BODY}:
     * a 540 KB JSON object of 16,384 keys whose Java string hashes collide
     * took 5 s to become a Lua table, and the event loop's other connections
     * waited that long. Then runs on the event loop either way.
     */
    private void withArguments(HttpServerRequest req, Buffer body, java.util.function.Consumer<Object[]> then) {
        if (body.length() <= INLINE_BODY) {
            Object[] a = arguments(req, body);
            if (a != null) then.accept(a);
            return;
        }
        host.vertx().executeBlocking(() -> java.util.Optional.ofNullable(arguments(req, body)), false).onComplete(ar -> {
            if (ar.failed()) GatewayHttp.error(req, 500, "cannot read the arguments: " + ar.cause(), null);
            else ar.result().ifPresent(then);
        });
    }

    private void call(HttpServerRequest req, String id, String from, String fn, Buffer body) {
        withArguments(req, body, args -> callWith(req, id, from, fn, args));
    }

    private void callWith(HttpServerRequest req, String id, String from, String fn, Object[] args) {
        Future<Object[]> called = host.callExportedAs(id, LuaJson.luaString(from), LuaJson.luaString(fn), args);
        withDeadline(req, called, "the call of '" + fn + "' in session '" + id + "'", ar -> {
            if (ar.failed()) {
                failure(req, ar.cause());
                return;
            }
            Object[] results = ar.result();
            // the results are copies nobody else holds: encode them on a worker, not on the event loop
            host.vertx().executeBlocking(() -> LuaJson.encodeArray(results, limits, options.maxResultBytes()), false)
                    .onComplete(enc -> {
                        if (enc.succeeded()) GatewayHttp.json(req, 200, enc.result());
                        else encodeFailure(req, enc.cause(), "cannot return the results as JSON: ");
                    });
        });
    }

    /** 422 for a value nested too deeply or one JSON cannot hold (inf, nan, a function), 413 for one too large. */
    static void encodeFailure(HttpServerRequest req, Throwable t, String prefix) {
        int status = t instanceof ValueException v ? switch (v.kind()) {
            case DEPTH, TYPE -> 422;
            case SIZE -> 413;
        } : 500;
        GatewayHttp.error(req, status, prefix + t.getMessage(), null);
    }

    private void send(HttpServerRequest req, String id, String from, Buffer body) {
        withArguments(req, body, msg -> withDeadline(req, host.sendAs(id, LuaJson.luaString(from), msg),
                "the message to session '" + id + "'", ar -> {
                    if (ar.failed()) failure(req, ar.cause());
                    else req.response().setStatusCode(202).end();
                }));
    }

    /**
     * Hands f's outcome to then, unless {@link GatewayOptions#callDeadline}
     * passes first: then req gets 504 with a JSON body naming what (the call
     * goes on in its session) and f's late outcome is dropped. then runs at
     * most once, on the thread f completes on.
     */
    <T> void withDeadline(HttpServerRequest req, Future<T> f, String what, Handler<io.vertx.core.AsyncResult<T>> then) {
        long ms = options.callDeadline().toMillis();
        if (ms <= 0 || f.isComplete()) {
            f.onComplete(then);
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean decided = new java.util.concurrent.atomic.AtomicBoolean();
        long timer = host.vertx().setTimer(ms, t -> {
            if (decided.compareAndSet(false, true)) {
                GatewayHttp.error(req, 504, what + " gave no result within " + ms + " ms (the gateway's deadline);"
                        + " it goes on in the session, and its result will be dropped", null);
            }
        });
        f.onComplete(ar -> {
            if (!decided.compareAndSet(false, true)) return;   // answered 504 already: the late outcome is dropped
            host.vertx().cancelTimer(timer);
            then.handle(ar);
        });
    }

    static void failure(HttpServerRequest req, Throwable t) {
        GatewayHttp.error(req, status(t), t instanceof SessionException ? t.getMessage() : String.valueOf(t),
                t instanceof SessionException e ? e.luaTraceback() : null);
    }

    static int status(Throwable t) {
        if (!(t instanceof SessionException e)) return 500;
        return switch (e.kind()) {
            case LUA_ERROR, INTERNAL, PERSISTENCE -> 500;
            case BAD_VALUE -> 422;   // a value that cannot cross (a function result): the script's answer, not a failure
            case NO_SUCH_FUNCTION -> 404;
            case NO_SUCH_SESSION -> 404;
            case STOPPED, OVERLOADED -> 503;
            case TIMEOUT -> 504;
        };
    }
}
