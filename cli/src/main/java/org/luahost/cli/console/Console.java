package org.luahost.cli.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import org.luahost.persistence.SessionStore;
import org.luahost.scheduler.Gateway;
import org.luahost.scheduler.GatewayAuth;
import org.luahost.scheduler.GatewayOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Principal;

/**
 * The web console of {@code luahost serve} (issue 15): plain HTML, JS and CSS
 * from the jar at {@code /console/} (no CDN, no build step; the charts are
 * drawn by its own canvas code), backed by the JSON routes of
 * {@link ConsoleApi} under {@code /console/api/}. Every other path goes to
 * the {@link Gateway} as before.
 *
 * <p>Authentication: the page itself holds nothing secret and is served to
 * anyone; every API route goes through the gateway's {@link GatewayAuth}
 * (the page sends the token the user typed as {@code Authorization: Bearer}),
 * so the console accepts exactly the tokens the gateway accepts. Reading is
 * open to every authenticated principal; eval and the store's writes
 * (import, delete, backup) need the admin principal.
 *
 * <p>Live updates: {@code GET /console/api/stream} is a server-sent-events
 * stream (read by the page with {@code fetch}, which can send the token);
 * once a second the {@link HostSampler} samples the host and, while a stream
 * is open, every stream gets the session table and the newest host sample.
 *
 * <p>Threads: {@link #handle} runs on the server's event loop; sampling runs on a worker.
 */
public final class Console {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    private static final Set<String> FILES = Set.of("index.html", "app.js", "app.css", "chart.js");

    final LuaHost host;
    final GatewayOptions options;
    final SessionStore store;
    final ThreadFactory luaThreads;
    final HostSampler sampler;
    final BackupFolder backups;
    /** The gateway the other paths go to; its limits also bound the console's request bodies. */
    final Gateway gateway;
    private final ConsoleApi api;
    private final Map<String, Buffer> files = new ConcurrentHashMap<>();
    /** The open event streams and whose they are; written on the event loop of each (Vert.x responses are thread-safe to write). */
    final Map<HttpServerResponse, Principal> streams = new ConcurrentHashMap<>();

    private Console(LuaHost host, GatewayOptions options, SessionStore store, java.nio.file.Path backups,
            ThreadFactory luaThreads) {
        this.host = host;
        this.backups = new BackupFolder(backups);
        this.options = options;
        this.store = store;
        this.luaThreads = luaThreads;
        this.sampler = new HostSampler(host);
        this.gateway = Gateway.create(host, options);
        this.api = new ConsoleApi(this);
    }

    /**
     * Starts the gateway with the console beside it, as {@link Gateway#start}
     * does (same server options and header deadlines). store may be null
     * (sessions not saved: the store routes answer 404).
     */
    public static Future<HttpServer> start(LuaHost host, GatewayOptions options, SessionStore store, ThreadFactory luaThreads) {
        return start(host, options, store, null, luaThreads);
    }

    /**
     * As {@link #start(LuaHost, GatewayOptions, SessionStore, ThreadFactory)},
     * with the folder the admin's backup route writes into (new files
     * directly in it only; null: backups are refused).
     */
    public static Future<HttpServer> start(LuaHost host, GatewayOptions options, SessionStore store, java.nio.file.Path backups,
            ThreadFactory luaThreads) {
        Console c = new Console(host, options, store, backups, luaThreads);
        host.vertx().setPeriodic(1000, id -> host.vertx().executeBlocking(() -> {
            c.sampler.sample();
            return null;
        }, false).onSuccess(x -> c.api.push()));
        return Gateway.serve(host.vertx(), host.vertx().createHttpServer(options.serverOptions()), options, c::handle).listen();
    }

    /** Routes one request: the console's paths here, the others to the gateway. */
    void handle(HttpServerRequest req) {
        String path = req.path();
        if (path.startsWith("/console/api/")) {
            Principal p = authenticate(req);
            if (p != null) api.route(req, p, path.substring("/console/api/".length()));
        } else if (path.equals("/console")) {
            req.response().setStatusCode(302).putHeader("location", "/console/").end();
        } else if (path.startsWith("/console/")) {
            file(req, path.substring("/console/".length()));
        } else {
            gateway.handle(req);
        }
    }

    private Principal authenticate(HttpServerRequest req) {
        try {
            Principal p = options.auth().authenticate(new GatewayAuth.Request(req.method().name(), req.path(), req.headers(),
                    req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress()));
            if (p == null) throw new GatewayAuth.Refused(401, "not authenticated");
            return p;
        } catch (GatewayAuth.Refused r) {
            error(req, r.status(), r.getMessage());
        } catch (RuntimeException e) {
            error(req, 500, "authentication failed: " + e);
        }
        return null;
    }

    private void file(HttpServerRequest req, String name) {
        if (name.isEmpty()) name = "index.html";
        if (req.method() != HttpMethod.GET || !FILES.contains(name)) {
            error(req, 404, "no console page " + name);
            return;
        }
        Buffer b = files.computeIfAbsent(name, Console::resource);
        req.response().putHeader("content-type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .putHeader("cache-control", "no-cache").end(b);
    }

    private static Buffer resource(String name) {
        try (InputStream in = Console.class.getResourceAsStream("web/" + name)) {
            if (in == null) throw new IllegalStateException("the console's " + name + " is missing from the jar");
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the console's " + name, e);
        }
    }

    static void error(HttpServerRequest req, int status, String message) {
        json(req, status, new JsonObject().put("error", message));
    }

    static void json(HttpServerRequest req, int status, Object body) {
        HttpServerResponse r = req.response();
        if (r.ended() || r.closed()) return;
        r.setStatusCode(status).putHeader("content-type", "application/json")
                .end(body instanceof JsonObject o ? o.encode() : body instanceof io.vertx.core.json.JsonArray a ? a.encode()
                        : String.valueOf(body));
    }
}
