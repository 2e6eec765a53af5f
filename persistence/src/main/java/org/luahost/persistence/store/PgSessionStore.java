package org.luahost.persistence.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import org.luahost.persistence.CorruptSnapshotException;
import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.SnapshotInfo;
import org.luahost.persistence.SnapshotWriter;
import org.luahost.persistence.StoredSnapshot;
import org.luahost.persistence.codec.SnapshotFormat;

/**
 * The shared {@link SessionStore}: a PostgreSQL database that several hosts
 * (the nodes of a cluster) use at once, through the reactive Vert.x client
 * (no JDBC, no thread pool of its own: every statement runs on an event loop).
 *
 * <p>The tables are created and migrated by the store when it opens
 * ({@link PgSchema}). Saves and deletes go through a group commit
 * ({@link PgWriter}): the ones that arrive while a commit is in flight share
 * the next transaction. Each session keeps its last {@code keep} snapshots,
 * numbered from 1 by a per-session counter that orders the writers of all
 * nodes. {@link #claim} raises the session's fencing token in one statement;
 * a save with an older token stores nothing and fails with
 * {@link org.luahost.persistence.FencedOffException}. Each kept snapshot
 * records the token that wrote it ({@link #writers}). Backups are not done by
 * the store: {@code pg_dump} is the tool (and the database's own replication).
 *
 * <p>Threads: any thread may call the public methods, except {@link #open} and
 * {@link #close}, which block and must not run on an event loop. The returned
 * stages complete on an event loop of the store's Vert.x instance: a dependent
 * action must not block there (use an {@code ...Async} method, or
 * {@code Future.fromCompletionStage(stage, context)} to continue on a
 * session's context).
 */
public final class PgSessionStore implements SessionStore {
    /** Connections per store: the writer's transaction, claims and reads. */
    private static final int POOL_SIZE = 4;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    /** The server ends a transaction that waits this long for its client's next statement. */
    static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(10);
    /** Longest wait of {@link #close} for the writes already accepted. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final boolean ownVertx;
    private final Pool pool;
    private final PgWriter writer;
    private final String where;
    private volatile boolean closed;

    private PgSessionStore(Vertx vertx, boolean ownVertx, Pool pool, int keep, String where) {
        this.vertx = vertx;
        this.ownVertx = ownVertx;
        this.pool = pool;
        this.where = where;
        this.writer = new PgWriter(pool, keep, where);
    }

    /**
     * Connects to {@code uri} ({@code postgresql://user[:password]@host[:port]/db},
     * or {@code postgres://}; {@code PGPASSWORD} when the URI has no password),
     * migrates the tables and returns the store once they are ready. Uses
     * {@code vertx}, or a Vert.x instance of its own (closed with the store)
     * when it is null. Blocks: not on an event loop.
     *
     * @throws PersistenceException naming the database (never the password) if it cannot be reached or migrated
     */
    public static PgSessionStore open(String uri, int keep, Vertx vertx) {
        if (keep < 1) throw new IllegalArgumentException("keep must be at least 1");
        PgConnectOptions options = connectOptions(uri);
        String where = "postgresql://" + options.getUser() + "@" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
        boolean own = vertx == null;
        Vertx vx = own ? Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1)) : vertx;
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(POOL_SIZE)).connectingTo(options).using(vx).build();
        try {
            await(PgSchema.migrate(pool), where);
        } catch (RuntimeException e) {
            pool.close();
            if (own) vx.close();
            throw e;
        }
        return new PgSessionStore(vx, own, pool, keep, where);
    }

    /** The URI's options; postgres:// is accepted as postgresql://. */
    static PgConnectOptions connectOptions(String uri) {
        String u = uri.startsWith("postgres://") ? "postgresql://" + uri.substring("postgres://".length()) : uri;
        PgConnectOptions o;
        try {
            o = PgConnectOptions.fromUri(u);
        } catch (RuntimeException e) {
            throw new PersistenceException("not a PostgreSQL URI (postgresql://user@host:port/database): " + e.getMessage(), e);
        }
        String env = System.getenv("PGPASSWORD");
        if ((o.getPassword() == null || o.getPassword().isEmpty()) && env != null) o.setPassword(env);
        // A host paused (SIGSTOP, a long GC) in the middle of a batch's transaction would hold its sessions'
        // rows locked, and a new owner's claim would wait until it resumed: the server ends such a
        // transaction after IDLE_IN_TRANSACTION of silence, so the claim goes on and the paused batch fails.
        o.addProperty("idle_in_transaction_session_timeout", Long.toString(IDLE_IN_TRANSACTION.toMillis()));
        // a whole batch (BEGIN, its statements, COMMIT) is written at once
        return o.setCachePreparedStatements(true).setPipeliningLimit(PgWriter.MAX_BATCH + 2);
    }

    private static <T> T await(Future<T> f, String where) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new PersistenceException("cannot open the session store " + where + ": " + (c.getMessage() != null ? c.getMessage() : c), c);
        } catch (TimeoutException e) {
            throw new PersistenceException("cannot open the session store " + where + ": no answer in " + OPEN_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while opening the session store " + where, e);
        }
    }

    /** The database, as {@code postgresql://user@host:port/db} (no password). */
    public String where() { return where; }

    @Override
    public CompletionStage<Long> save(String sessionId, byte[] snapshot) {
        return write(sessionId, snapshot, false, 0);
    }

    @Override
    public CompletionStage<Long> save(String sessionId, byte[] snapshot, long fence) {
        return write(sessionId, snapshot, true, fence);
    }

    private CompletionStage<Long> write(String sessionId, byte[] snapshot, boolean fenced, long fence) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        try {
            SnapshotFormat.verify(snapshot);
        } catch (CorruptSnapshotException e) {
            f.completeExceptionally(e);
            return f;
        }
        if (closed) return closedFailure();
        writer.submit(new PgWriter.Save(sessionId, snapshot, fenced, fence, f));
        return f;
    }

    @Override
    public CompletionStage<Void> delete(String sessionId) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (closed) return closedFailure();
        writer.submit(new PgWriter.Delete(sessionId, f));
        return f;
    }

    /** One statement, outside the group commit: durable when it completes. */
    @Override
    public CompletionStage<Long> claim(String sessionId) {
        return query("claim session '" + sessionId + "'", "INSERT INTO luahost_session AS t (session, fence) VALUES ($1, 1) "
                + "ON CONFLICT (session) DO UPDATE SET fence = t.fence + 1 RETURNING fence",
                Tuple.of(sessionId), rs -> rs.iterator().next().getLong(0));
    }

    @Override
    public int queueSize() { return writer.waiting(); }

    /** Transactions the group commit has started: fewer than the saves when they were batched (tests, the bench). */
    public long commits() { return writer.commits(); }

    @Override
    public CompletionStage<Optional<StoredSnapshot>> load(String sessionId) {
        return query("load session '" + sessionId + "'", "SELECT seq, data FROM luahost_snapshot WHERE session = $1 ORDER BY seq DESC",
                Tuple.of(sessionId), rs -> newestGood(sessionId, rs));
    }

    /** The newest snapshot whose checksum is good, with a warning for each newer one passed over. */
    private static Optional<StoredSnapshot> newestGood(String session, RowSet<Row> rs) {
        NewestGood pick = new NewestGood(session);
        for (Row r : rs) {
            StoredSnapshot s = pick.offer(r.getLong(0), r.getBuffer(1).getBytes());
            if (s != null) return Optional.of(s);
        }
        return pick.none();
    }

    @Override
    public CompletionStage<Optional<StoredSnapshot>> load(String sessionId, long sequence) {
        return query("load snapshot " + sequence + " of session '" + sessionId + "'",
                "SELECT data FROM luahost_snapshot WHERE session = $1 AND seq = $2", Tuple.of(sessionId, sequence), rs -> {
                    if (rs.size() == 0) return Optional.empty();
                    byte[] data = rs.iterator().next().getBuffer(0).getBytes();
                    try {
                        SnapshotFormat.verify(data);
                    } catch (CorruptSnapshotException e) {
                        throw new CorruptSnapshotException("snapshot " + sequence + " of session '" + sessionId + "' is unusable ("
                                + e.getMessage() + ")");
                    }
                    return Optional.of(new StoredSnapshot(sessionId, sequence, data, List.of()));
                });
    }

    private static final String INFO_COLUMNS = "session, seq, saved_at, octet_length(data), count(*) OVER (PARTITION BY session)";

    private static List<SnapshotInfo> infos(RowSet<Row> rs) {
        List<SnapshotInfo> r = new ArrayList<>(rs.size());
        for (Row row : rs) {
            r.add(new SnapshotInfo(row.getString(0), row.getLong(1), row.getOffsetDateTime(2).toInstant(),
                    row.getInteger(3), row.getLong(4).intValue()));
        }
        return r;
    }

    @Override
    public CompletionStage<List<SnapshotInfo>> list() {
        return query("list the sessions", "SELECT DISTINCT ON (session) " + INFO_COLUMNS
                + " FROM luahost_snapshot ORDER BY session, seq DESC", Tuple.tuple(), PgSessionStore::infos);
    }

    @Override
    public CompletionStage<List<SnapshotInfo>> history(String sessionId) {
        return query("read the history of session '" + sessionId + "'", "SELECT " + INFO_COLUMNS
                + " FROM luahost_snapshot WHERE session = $1 ORDER BY seq DESC", Tuple.of(sessionId), PgSessionStore::infos);
    }

    /** From the newest snapshots' headers (bytes 5 and 6 hold the format version). */
    @Override
    public CompletionStage<List<String>> withExtraRoot() {
        return query("list the sessions with pending timers", "SELECT session FROM (SELECT DISTINCT ON (session) session, data "
                + "FROM luahost_snapshot ORDER BY session, seq DESC) n WHERE substring(data FROM 5 FOR 2) >= '\\x0003'::bytea "
                + "ORDER BY session", Tuple.tuple(), rs -> {
                    List<String> ids = new ArrayList<>(rs.size());
                    for (Row r : rs) ids.add(r.getString(0));
                    return ids;
                });
    }

    @Override
    public CompletionStage<List<SnapshotWriter>> writers(String sessionId) {
        return query("read the writers of session '" + sessionId + "'", "SELECT seq, coalesce(fence, 0), saved_at "
                + "FROM luahost_snapshot WHERE session = $1 ORDER BY seq", Tuple.of(sessionId), rs -> {
                    List<SnapshotWriter> r = new ArrayList<>(rs.size());
                    for (Row row : rs) r.add(new SnapshotWriter(sessionId, row.getLong(0), row.getLong(1), row.getOffsetDateTime(2).toInstant()));
                    return r;
                });
    }

    /** Not by the store: {@code pg_dump} copies a PostgreSQL database consistently while it is in use. */
    @Override
    public CompletionStage<Void> backup(java.nio.file.Path file) {
        return CompletableFuture.failedFuture(new PersistenceException("the PostgreSQL store is not backed up by luahost: "
                + "use pg_dump (pg_dump -Fc -d DATABASE -f " + file + ")"));
    }

    /**
     * One statement on a pooled connection; {@code read} runs on its event
     * loop. Failures other than a corrupt snapshot become a
     * PersistenceException saying {@code what}.
     */
    private <T> CompletionStage<T> query(String what, String sql, Tuple args, Function<RowSet<Row>, T> read) {
        if (closed) return closedFailure();
        CompletableFuture<T> f = new CompletableFuture<>();
        pool.preparedQuery(sql).execute(args).onComplete(ar -> {
            if (ar.failed()) {
                Throwable c = ar.cause();
                f.completeExceptionally(new PersistenceException("cannot " + what + " in " + where + ": "
                        + (c.getMessage() != null ? c.getMessage() : c), c));
                return;
            }
            try {
                f.complete(read.apply(ar.result()));
            } catch (CorruptSnapshotException e) {
                f.completeExceptionally(e);
            } catch (RuntimeException e) {
                f.completeExceptionally(new PersistenceException("cannot " + what + " in " + where + ": " + e, e));
            }
        });
        return f;
    }

    private static <T> CompletionStage<T> closedFailure() {
        return CompletableFuture.failedFuture(new PersistenceException("the session store is closed"));
    }

    /**
     * Waits for the saves and deletes already accepted (at most
     * {@link #CLOSE_WAIT}: a database that stopped answering fails them
     * instead), then closes the pool (and the store's own Vert.x).
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        boolean interrupted = false;
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        while (!writer.idle() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (ownVertx) vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            throw new PersistenceException("cannot close the session store " + where + ": " + e.getMessage(), e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
