package org.luahost.persistence.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import org.luahost.persistence.FencedOffException;
import org.luahost.persistence.PersistenceException;

/**
 * The PostgreSQL store's group commit: saves and deletes wait in a queue
 * while a commit is in flight; when it ends, every waiting operation (up to
 * {@link #MAX_BATCH}) goes into the next transaction, its statements sent at
 * once (the client pipelines them on one connection) and followed by one
 * COMMIT: one round trip and one WAL flush for the whole batch. At most one
 * commit is in flight per store, so the batches grow with the load.
 *
 * <p>Each save is one statement: it takes the session's next sequence number
 * from {@code luahost_session} (whose row lock orders writers of one session,
 * on any node), inserts the snapshot with it and deletes the snapshots older
 * than the last {@code keep}. A save with a fencing token updates the row only
 * where the row's token equals it, so the check and the write are atomic; where
 * it does not, the statement stores nothing and the save fails with
 * {@link FencedOffException}, while the rest of the batch commits.
 *
 * <p>Threads: {@link #submit} from any thread. A batch is drained by the
 * thread that finds no commit in flight (a caller, or the event loop that
 * completed the previous commit); the operations' futures complete on the
 * pool connection's event loop after COMMIT. A failed statement or COMMIT
 * fails every operation of its batch (the transaction rolled back).
 */
final class PgWriter {
    /** Most operations in one transaction. */
    static final int MAX_BATCH = 1024;

    private static final String SAVE = "WITH s AS (INSERT INTO luahost_session AS t (session, seq) VALUES ($1, 1) "
            + "ON CONFLICT (session) DO UPDATE SET seq = t.seq + 1 RETURNING seq), "
            + "i AS (INSERT INTO luahost_snapshot (session, seq, data) SELECT $1, seq, $2 FROM s RETURNING seq), "
            + "d AS (DELETE FROM luahost_snapshot WHERE session = $1 AND seq <= (SELECT seq FROM s) - $3) "
            + "SELECT seq FROM i";

    /** Locks the session's row (f: the newest token, read after any claim that committed meanwhile), then writes only under the same token. */
    private static final String FENCED_SAVE = "WITH f AS (SELECT fence FROM luahost_session WHERE session = $1 FOR UPDATE), "
            + "s AS (UPDATE luahost_session SET seq = seq + 1 WHERE session = $1 AND fence = $2 RETURNING seq), "
            + "i AS (INSERT INTO luahost_snapshot (session, seq, fence, data) SELECT $1, seq, $2, $3 FROM s RETURNING seq), "
            + "d AS (DELETE FROM luahost_snapshot WHERE session = $1 AND seq <= (SELECT seq FROM s) - $4) "
            + "SELECT (SELECT seq FROM i), (SELECT fence FROM f)";

    /** The token stays (a later claim must still be newer than every earlier one); the numbering starts again at 1. */
    private static final String DELETE = "WITH d AS (DELETE FROM luahost_snapshot WHERE session = $1) "
            + "UPDATE luahost_session SET seq = 0 WHERE session = $1";

    sealed interface Op permits Save, Delete {}

    /** A save; {@code fenced} false: without a token (fence is then unused). */
    record Save(String session, byte[] bytes, boolean fenced, long fence, CompletableFuture<Long> done) implements Op {}

    record Delete(String session, CompletableFuture<Void> done) implements Op {}

    private final Pool pool;
    private final long keep;
    /** Names the database in messages (no password). */
    private final String where;
    private final ConcurrentLinkedQueue<Op> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean committing = new AtomicBoolean();
    private final AtomicLong commits = new AtomicLong();

    PgWriter(Pool pool, int keep, String where) {
        this.pool = pool;
        this.keep = keep;
        this.where = where;
    }

    /** Queues an operation; it goes into the next transaction. */
    void submit(Op op) {
        queue.add(op);
        waiting.incrementAndGet();
        kick();
    }

    /** Operations waiting for the next transaction (not the batch being committed). */
    int waiting() { return waiting.get(); }

    /** Transactions started so far (committed or not): saves per transaction tell how well the batching works. */
    long commits() { return commits.get(); }

    /** No operation waiting and none being committed. */
    boolean idle() { return queue.isEmpty() && !committing.get(); }

    /** Starts a commit of everything waiting unless one is in flight (its end calls this again). */
    private void kick() {
        while (!queue.isEmpty() && committing.compareAndSet(false, true)) {
            List<Op> batch = new ArrayList<>();
            Op op;
            while (batch.size() < MAX_BATCH && (op = queue.poll()) != null) {
                batch.add(op);
                waiting.decrementAndGet();
            }
            if (batch.isEmpty()) {
                committing.set(false);
                continue;
            }
            commit(batch).onComplete(ar -> {
                committing.set(false);
                kick();
            });
            return;
        }
    }

    /** One transaction for the batch; completes (never fails) once every operation's future is completed. */
    private Future<Void> commit(List<Op> batch) {
        Object[] results = new Object[batch.size()];
        commits.incrementAndGet();
        Future<Void> tx;
        try {
            tx = pool.withTransaction(conn -> {
                List<Future<?>> statements = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    int k = i;
                    statements.add(run(conn, batch.get(i)).onSuccess(r -> results[k] = r));
                }
                return Future.all(statements).mapEmpty();
            });
        } catch (RuntimeException e) {
            tx = Future.failedFuture(e);
        }
        return tx.transform(ar -> {
            for (int i = 0; i < batch.size(); i++) {
                if (ar.succeeded()) complete(batch.get(i), results[i]);
                else fail(batch.get(i), ar.cause());
            }
            return Future.succeededFuture();
        });
    }

    /** One operation's statement; succeeds with its result: the sequence number, a FencedOffException, or null. */
    private Future<Object> run(SqlConnection conn, Op op) {
        return switch (op) {
            case Save s when s.fenced() -> conn.preparedQuery(FENCED_SAVE)
                    .execute(Tuple.of(s.session(), s.fence(), Buffer.buffer(s.bytes()), keep))
                    .map(rs -> {
                        Row r = rs.iterator().next();
                        Long seq = r.getLong(0);
                        if (seq != null) return seq;
                        Long newest = r.getLong(1);
                        return new FencedOffException(s.session(), s.fence(), newest == null ? 0 : newest);
                    });
            case Save s -> conn.preparedQuery(SAVE)
                    .execute(Tuple.of(s.session(), Buffer.buffer(s.bytes()), keep))
                    .map(rs -> rs.iterator().next().getLong(0));
            case Delete d -> conn.preparedQuery(DELETE).execute(Tuple.of(d.session())).map(rs -> null);
        };
    }

    private static void complete(Op op, Object result) {
        switch (op) {
            case Save s when result instanceof FencedOffException e -> s.done().completeExceptionally(e);
            case Save s -> s.done().complete((Long) result);
            case Delete d -> d.done().complete(null);
        }
    }

    private void fail(Op op, Throwable e) {
        String why = e.getMessage() != null ? e.getMessage() : e.toString();
        switch (op) {
            case Save s -> s.done().completeExceptionally(
                    new PersistenceException("cannot save session '" + s.session() + "' to " + where + ": " + why, e));
            case Delete d -> d.done().completeExceptionally(
                    new PersistenceException("cannot delete session '" + d.session() + "' from " + where + ": " + why, e));
        }
    }
}
