package org.luahost.cli.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.luahost.persistence.SnapshotInfo;
import org.luahost.persistence.StoredSnapshot;
import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.Principal;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionStats;
import org.luahost.scheduler.TurnError;

/**
 * The console's JSON routes, under {@code /console/api/} (see {@link Console}
 * for who may use them; "admin" below needs the admin principal):
 * <ul>
 * <li>{@code GET whoami}: {@code {"name", "admin"}}.</li>
 * <li>{@code GET sessions}: live and stored sessions, one row each: id,
 *     state ({@code live} or {@code stored}), turnsPerSec, handled, errors,
 *     cpuMillis, memoryEstimate, mailbox, lastSave (time) and lastSeq.</li>
 * <li>{@code GET stream}: server-sent events, one a second:
 *     {@code {"sessions": rows, "host": newest sample}}.</li>
 * <li>{@code GET host}: the host samples of the last minutes ({@link HostSampler}).</li>
 * <li>{@code GET sessions/ID}: its row, its stored snapshots
 *     ({@code history}: seq, savedAt, size) and its recent failed turns
 *     ({@code recentErrors}, newest first: time, handler, kind, message, traceback).</li>
 * <li>{@code GET sessions/ID/globals[?seq=N]}: its globals as
 *     {@link GlobalsJson} (from the live state when it runs and no seq is
 *     given, else from the snapshot): {@code {"source", "tree", "notes"}}.</li>
 * <li>{@code POST sessions/ID/eval} (admin), the body Lua text: runs it as a
 *     turn ({@code LuaHost.eval}): {@code {"results": [...]}} (JSON as the
 *     gateway maps Lua values; what JSON cannot hold as text), or 500 with
 *     {@code {"error", "traceback"}}.</li>
 * <li>The store: {@code GET store} (list), {@code GET store/ID} (history),
 *     {@code GET store/ID/export[?seq=N]} (the snapshot's bytes; like a
 *     snapshot's globals, one such read at a time, 503 meanwhile),
 *     {@code PUT store/ID} (admin; import: the body is a snapshot file),
 *     {@code DELETE store/ID} (admin), {@code POST store/backup?path=NAME}
 *     (admin; a consistent copy of the store as the new file NAME in the
 *     server's backup folder, {@link BackupFolder}).
 *     Import and delete refuse a live session (409): it would overwrite them.</li>
 * </ul>
 * Session ids: eval and import take the gateway's rule
 * ({@code Gateway.idProblem}: 400), so they make no session a client could not
 * name; the per-session reads (a session, its globals, its stored history
 * and export) take the principal's sessions (403), as the gateway does, and
 * the lists (the session table, the store's list, the event stream) show a
 * non-admin principal only its own sessions.
 * Threads: {@link #route} on the event loop; store calls complete wherever
 * the store completes them (responses may be written from any thread).
 */
final class ConsoleApi {
    private static final int DEPTH = 12, ENTRIES = 500;
    private final Console c;

    ConsoleApi(Console c) { this.c = c; }

    void route(HttpServerRequest req, Principal p, String rest) {
        String[] seg = rest.isEmpty() ? new String[0] : rest.split("/", -1);
        for (int i = 0; i < seg.length; i++) seg[i] = java.net.URLDecoder.decode(seg[i], java.nio.charset.StandardCharsets.UTF_8);
        HttpMethod m = req.method();
        int n = seg.length;
        String first = n == 0 ? "" : seg[0];
        try {
            if (m == HttpMethod.GET && n == 1 && first.equals("whoami")) {
                Console.json(req, 200, new JsonObject().put("name", p.name()).put("admin", p.admin()));
            } else if (m == HttpMethod.GET && n == 1 && first.equals("sessions")) {
                rows(p).onComplete(ar -> reply(req, ar));
            } else if (m == HttpMethod.GET && n == 1 && first.equals("stream")) {
                stream(req, p);
            } else if (m == HttpMethod.GET && n == 1 && first.equals("host")) {
                Console.json(req, 200, c.sampler.samples());
            } else if (m == HttpMethod.GET && n == 2 && first.equals("sessions")) {
                if (allowed(req, p, seg[1])) session(req, seg[1]);
            } else if (m == HttpMethod.GET && n == 3 && first.equals("sessions") && seg[2].equals("globals")) {
                if (allowed(req, p, seg[1])) globals(req, seg[1]);
            } else if (m == HttpMethod.POST && n == 3 && first.equals("sessions") && seg[2].equals("eval")) {
                if (admin(req, p) && validId(seg[1])) body(req, b -> eval(req, seg[1], b.toString(java.nio.charset.StandardCharsets.UTF_8)));
            } else if (first.equals("store")) {
                store(req, p, seg);
            } else {
                Console.error(req, 404, "no console route for " + m + " /console/api/" + rest);
            }
        } catch (IllegalArgumentException e) {
            Console.error(req, 400, e.getMessage());
        }
    }

    /** Whether p may see session id (the principal's sessions, as at the gateway); answers 403 if not. */
    private static boolean allowed(HttpServerRequest req, Principal p, String id) {
        if (p.sessions().test(id)) return true;
        Console.error(req, 403, "not allowed to use session '" + id + "'");
        return false;
    }

    /** True if id may name a session the gateway starts; else throws (400): eval and import make no session a client could not. */
    private static boolean validId(String id) {
        String bad = org.luahost.scheduler.Gateway.idProblem(id);
        if (bad != null) throw new IllegalArgumentException(bad);
        return true;
    }

    private static boolean admin(HttpServerRequest req, Principal p) {
        if (p.admin()) return true;
        Console.error(req, 403, "this needs the admin token");
        return false;
    }

    private void store(HttpServerRequest req, Principal p, String[] seg) {
        if (c.store == null) {
            Console.error(req, 404, "sessions are not saved (serve --no-data): no store");
            return;
        }
        HttpMethod m = req.method();
        int n = seg.length;
        if (m == HttpMethod.GET && n == 1) {
            reply(req, Future.fromCompletionStage(c.store.list()).map(l -> infos(visible(l, p), true)));
        } else if (m == HttpMethod.POST && n == 2 && seg[1].equals("backup")) {
            if (admin(req, p)) backup(req, req.getParam("path"));
        } else if (m == HttpMethod.GET && n == 2) {
            if (!allowed(req, p, seg[1])) return;
            reply(req, Future.fromCompletionStage(c.store.history(seg[1])).map(l -> infos(l, false)));
        } else if (m == HttpMethod.GET && n == 3 && seg[2].equals("export")) {
            if (!allowed(req, p, seg[1])) return;
            long seq = seq(req);
            Runnable done = heavy(req);
            if (done == null) return;
            req.response().closeHandler(v -> done.run());
            snapshot(seg[1], seq).onComplete(ar -> {
                if (ar.failed()) {
                    done.run();
                    failure(req, ar.cause());
                } else {
                    req.response().putHeader("content-type", "application/octet-stream").putHeader("content-disposition",
                            "attachment; filename=\"" + seg[1].replaceAll("[^A-Za-z0-9._-]", "_") + "-" + ar.result().sequence()
                                    + ".snapshot\"").end(Buffer.buffer(ar.result().bytes())).onComplete(x -> done.run());
                }
            });
        } else if ((m == HttpMethod.PUT || m == HttpMethod.DELETE) && n == 2) {
            if (!admin(req, p) || m == HttpMethod.PUT && !validId(seg[1])) return;
            if (c.host.find(seg[1]) != null) {
                Console.error(req, 409, "session '" + seg[1] + "' is live: stop it first (its next save would overwrite this)");
            } else if (m == HttpMethod.DELETE) {
                reply(req, Future.fromCompletionStage(c.store.delete(seg[1])).map(v -> new JsonObject().put("deleted", seg[1])));
            } else {
                body(req, b -> reply(req, Future.fromCompletionStage(c.store.save(seg[1], b.getBytes()))
                        .map(seq -> new JsonObject().put("imported", seg[1]).put("seq", seq))));
            }
        } else {
            Console.error(req, 404, "no console route for " + m + " " + req.path());
        }
    }

    /** POST store/backup?path=NAME (admin): a new file in the backup folder ({@link BackupFolder}), resolved on a worker. */
    private void backup(HttpServerRequest req, String name) {
        c.host.vertx().executeBlocking(() -> c.backups.resolve(name), false).onComplete(ar -> {
            if (ar.failed()) {
                Console.error(req, ar.cause() instanceof IllegalArgumentException ? 400 : 404, ar.cause().getMessage());
                return;
            }
            Path to = ar.result();
            reply(req, Future.fromCompletionStage(c.store.backup(to)).map(v -> new JsonObject().put("backup", to.toString())));
        });
    }

    private static JsonArray infos(List<SnapshotInfo> l, boolean withId) {
        JsonArray a = new JsonArray();
        for (SnapshotInfo i : l) {
            JsonObject o = new JsonObject().put("seq", i.sequence()).put("savedAt", i.savedAt().toString()).put("size", i.size());
            if (withId) o.put("id", i.sessionId()).put("kept", i.kept());
            a.add(o);
        }
        return a;
    }

    /** The stored sessions p may see. */
    private static List<SnapshotInfo> visible(List<SnapshotInfo> l, Principal p) {
        return l.stream().filter(i -> p.sessions().test(i.sessionId())).toList();
    }

    /** The session table as p may see it: only p's sessions (the admin's: all). */
    Future<JsonArray> rows(Principal p) {
        return rows().map(a -> mine(a, p));
    }

    /** The rows of a whole table that name p's sessions. */
    private static JsonArray mine(JsonArray all, Principal p) {
        if (p.admin()) return all;
        JsonArray a = new JsonArray();
        for (Object o : all) {
            if (p.sessions().test(((JsonObject) o).getString("id"))) a.add(o);
        }
        return a;
    }

    /** The session table: live sessions with their figures, then the stored ones that are not live. */
    Future<JsonArray> rows() {
        Future<List<SnapshotInfo>> stored = c.store == null ? Future.succeededFuture(List.of())
                : Future.fromCompletionStage(c.store.list());
        return stored.map(list -> {
            Map<String, SnapshotInfo> byId = new HashMap<>();
            for (SnapshotInfo i : list) byId.put(i.sessionId(), i);
            JsonArray a = new JsonArray();
            for (SessionStats s : c.host.stats()) a.add(row(s, byId.remove(s.id())));
            for (SnapshotInfo i : byId.values()) a.add(row(null, i).put("id", i.sessionId()));
            return a;
        });
    }

    private JsonObject row(SessionStats s, SnapshotInfo saved) {
        JsonObject o = new JsonObject();
        if (s != null) {
            o.put("id", s.id()).put("state", "live").put("turnsPerSec", c.sampler.rate(s.id())).put("handled", s.handled())
                    .put("errors", s.errors()).put("cpuMillis", s.cpuNanos() / 1e6).put("memoryEstimate", s.memoryEstimate())
                    .put("mailbox", s.mailbox()).put("idleMillis", s.idleMillis());
        } else {
            o.put("state", "stored");
        }
        if (saved != null) o.put("lastSave", saved.savedAt().toString()).put("lastSeq", saved.sequence());
        return o;
    }

    private void session(HttpServerRequest req, String id) {
        Future<List<SnapshotInfo>> history = c.store == null ? Future.succeededFuture(List.of())
                : Future.fromCompletionStage(c.store.history(id));
        history.onComplete(ar -> {
            if (ar.failed()) {
                failure(req, ar.cause());
                return;
            }
            SessionStats live = c.host.stats().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
            List<TurnError> errors = c.host.recentErrors(id);
            if (live == null && ar.result().isEmpty() && errors.isEmpty()) {
                Console.error(req, 404, "no session '" + id + "' (not live, not stored)");
                return;
            }
            JsonObject o = row(live, ar.result().isEmpty() ? null : ar.result().getFirst()).put("id", id);
            o.put("history", infos(ar.result(), false));
            JsonArray es = new JsonArray();
            for (TurnError e : errors.reversed()) {
                es.add(new JsonObject().put("time", java.time.Instant.ofEpochMilli(e.epochMillis()).toString())
                        .put("handler", e.handler()).put("kind", e.kind().name()).put("message", e.message())
                        .put("traceback", e.traceback()));
            }
            Console.json(req, 200, o.put("recentErrors", es));
        });
    }

    private void globals(HttpServerRequest req, String id) {
        String seq = req.getParam("seq");
        if (seq == null && c.host.find(id) != null) {
            c.host.inspect(id, L -> GlobalsJson.tree(L, DEPTH, ENTRIES)).onComplete(ar -> {
                if (ar.succeeded()) Console.json(req, 200, new JsonObject().put("source", "live").put("tree", ar.result()));
                else snapshotGlobals(req, id, null);   // it stopped meanwhile: its newest snapshot
            });
        } else {
            snapshotGlobals(req, id, seq);
        }
    }

    /**
     * A stored snapshot's globals: restored in a fresh state on a worker, one
     * at a time (503 while another is read), and only a snapshot of at most
     * {@link #MAX_SNAPSHOT} bytes (413): any user may ask, and eight reads at
     * once of a 400 MB snapshot held 3 GB of heap and the workers the gateway
     * encodes results on (pings timed out).
     */
    private void snapshotGlobals(HttpServerRequest req, String id, String seq) {
        if (c.store == null) {
            Console.error(req, 404, "session '" + id + "' is not live and sessions are not saved");
            return;
        }
        long n = seq == null ? -1 : Long.parseLong(seq);   // before the permit: a bad seq throws (400)
        Runnable done = heavy(req);
        if (done == null) return;
        snapshot(id, n).compose(s -> {
            if (s.bytes().length > MAX_SNAPSHOT) {
                return Future.<JsonObject>failedFuture(new Answer(413, "snapshot " + s.sequence() + " of session '" + id + "' is "
                        + (s.bytes().length >> 20) + " MB; the console shows the globals of snapshots up to "
                        + (MAX_SNAPSHOT >> 20) + " MB (a live session's are read from its state)"));
            }
            return c.host.vertx().executeBlocking(() -> {
                List<String> notes = new ArrayList<>(s.warnings());
                JsonObject tree = SnapshotReader.globals(s.bytes(), c.luaThreads, DEPTH, ENTRIES, notes);
                return new JsonObject().put("source", "snapshot " + s.sequence()).put("tree", tree).put("notes", new JsonArray(notes));
            }, false);
        }).onComplete(ar -> {
            done.run();
            reply(req, ar);
        });
    }

    /**
     * Takes the permit of the reads that hold a whole snapshot (its globals,
     * its export): the returned action gives it back (once, however often it
     * runs); null, with a 503 answered, while another such read runs. Ten
     * exports at once of a 400 MB snapshot to slow readers held 7 GB.
     */
    private Runnable heavy(HttpServerRequest req) {
        if (!reading.tryAcquire()) {
            req.response().putHeader("retry-after", "1");
            Console.error(req, 503, "the console is reading another snapshot; try again");
            return null;
        }
        java.util.concurrent.atomic.AtomicBoolean given = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) reading.release();
        };
    }

    /** The request's seq parameter (-1 when absent: the newest); a bad one throws NumberFormatException (400). */
    private static long seq(HttpServerRequest req) {
        String seq = req.getParam("seq");
        return seq == null ? -1 : Long.parseLong(seq);
    }

    /** Largest snapshot whose globals the console reads: an eighth of the heap. */
    static final long MAX_SNAPSHOT = Runtime.getRuntime().maxMemory() / 8;
    /** One read of a whole snapshot at a time (see {@link #heavy}). */
    private final java.util.concurrent.Semaphore reading = new java.util.concurrent.Semaphore(1);

    private Future<StoredSnapshot> snapshot(String id, long n) {
        CompletionStage<Optional<StoredSnapshot>> f = n < 0 ? c.store.load(id) : c.store.load(id, n);
        return Future.fromCompletionStage(f).compose(o -> o.isPresent() ? Future.succeededFuture(o.get())
                : Future.failedFuture(new NotFound(n < 0 ? "no stored session '" + id + "'" : "session '" + id + "' has no snapshot " + n)));
    }

    private void eval(HttpServerRequest req, String id, String source) {
        c.host.eval(id, LuaJson.luaString(source)).onComplete(ar -> {
            if (ar.failed()) {
                failure(req, ar.cause());
                return;
            }
            JsonArray out = new JsonArray();
            for (Object v : ar.result()) {
                try {
                    out.add(LuaJson.toJson(v));
                } catch (RuntimeException e) {
                    out.add(String.valueOf(v));   // a function, a cyclic table...: its text
                }
            }
            Console.json(req, 200, new JsonObject().put("results", out));
        });
    }

    /**
     * The request body under the gateway's limits (size 413, deadline 408, the
     * bound on bytes being received 503: {@link org.luahost.scheduler.Gateway#readBody}),
     * then then.
     */
    private void body(HttpServerRequest req, Consumer<Buffer> then) {
        c.gateway.readBody(req, then);
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String m) { super(m, null, false, false); }
    }

    /** A refusal with its status. */
    private static final class Answer extends RuntimeException {
        final int status;

        Answer(int status, String m) {
            super(m, null, false, false);
            this.status = status;
        }
    }

    private static void reply(HttpServerRequest req, io.vertx.core.AsyncResult<?> ar) {
        if (ar.succeeded()) Console.json(req, 200, ar.result());
        else failure(req, ar.cause());
    }

    private static void reply(HttpServerRequest req, Future<?> f) { f.onComplete(ar -> reply(req, ar)); }

    private static void failure(HttpServerRequest req, Throwable t) {
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) t = t.getCause();
        if (t instanceof Answer a) {
            Console.error(req, a.status, a.getMessage());
        } else if (t instanceof NotFound || t instanceof SessionException se && se.kind() == SessionException.Kind.NO_SUCH_SESSION) {
            Console.error(req, 404, t.getMessage());
        } else if (t instanceof SessionException se) {
            Console.json(req, se.kind() == SessionException.Kind.LUA_ERROR ? 500 : 503,
                    new JsonObject().put("error", LuaJson.brief(se.getMessage())).put("traceback", LuaJson.brief(se.luaTraceback())));
        } else if (t instanceof NumberFormatException) {
            Console.error(req, 400, "not a number: " + t.getMessage());
        } else {
            Console.error(req, 500, t.getMessage() == null ? t.toString() : t.getMessage());
        }
    }

    /**
     * Open event streams at most: each gets the whole session table every
     * second (2.7 MB with 30,000 sessions), buffered for it even when it does
     * not read, so a thousand streams of one client would hold gigabytes.
     */
    static final int MAX_STREAMS = 64;

    /** GET stream: server-sent events until the client goes (503 beyond {@link #MAX_STREAMS}); p's sessions only. */
    private void stream(HttpServerRequest req, Principal p) {
        if (c.streams.size() >= MAX_STREAMS) {
            req.response().putHeader("retry-after", "5");
            Console.error(req, 503, "too many console streams are open (at most " + MAX_STREAMS + ")");
            return;
        }
        HttpServerResponse r = req.response();
        r.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
        r.write(": luahost console\n\n");
        c.streams.put(r, p);
        r.closeHandler(v -> c.streams.remove(r));
        r.exceptionHandler(e -> c.streams.remove(r));
    }

    private static String event(JsonArray rows, JsonObject sample) {
        return "data: " + new JsonObject().put("sessions", rows).put("host", sample).encode() + "\n\n";
    }

    /** After each sample: the table (the rows of the stream's principal) and the newest sample to every open stream. */
    void push() {
        if (c.streams.isEmpty()) return;
        rows().onSuccess(rows -> {
            JsonObject sample = c.sampler.latest();
            String all = null;   // the whole table's event, made once for the admins' streams
            for (Map.Entry<HttpServerResponse, Principal> e : c.streams.entrySet()) {
                HttpServerResponse r = e.getKey();
                if (r.closed() || r.ended()) {
                    c.streams.remove(r);
                } else if (!r.writeQueueFull()) {
                    Principal p = e.getValue();
                    if (p.admin() && all == null) all = event(rows, sample);
                    r.write(p.admin() ? all : event(mine(rows, p), sample));
                }
            }
        });
    }
}
