package org.luahost.persistence;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.luahost.persistence.store.PgSessionStore;
import org.luahost.persistence.store.SqliteSessionStore;

/**
 * Where snapshots live: the last few snapshots of each session, by session
 * id. Every operation returns at once with a {@link CompletionStage}; the
 * blocking work (JDBC, fsync) happens on the store's own threads, never on
 * the caller's, so an event loop may call it.
 *
 * <p>The stages complete on a store thread. A dependent action that takes
 * time must use an {@code ...Async} method, or, in Vert.x,
 * {@code Future.fromCompletionStage(stage, context)} to continue on the
 * session's context.
 *
 * <p>The default store is {@link #sqlite(Path)}; {@link #postgresql(String)}
 * is a database shared by many hosts, with fencing ({@link #claim}). Its
 * stages complete on an event loop of its Vert.x instance: never block in a
 * dependent action there.
 */
public interface SessionStore extends AutoCloseable {
    /**
     * Stores a snapshot as the session's newest. Completes with its sequence
     * number once it is durable (it survives a crash of the process from then
     * on); fails, keeping the previous snapshots, if it cannot be stored or
     * the bytes are not a valid snapshot.
     */
    CompletionStage<Long> save(String sessionId, byte[] snapshot);

    /**
     * Claims the session for a new owner (a node of a cluster activating it):
     * completes with a fencing token greater than every token earlier claims
     * of this session received. From then on, {@link #save(String, byte[], long)}
     * with any older token fails with {@link FencedOffException}, so an owner
     * that lost its claim (a paused or partitioned node) cannot overwrite what
     * the new owner stores. Stores shared by several hosts implement it; the
     * default fails, as a store used by one host needs no fencing.
     */
    default CompletionStage<Long> claim(String sessionId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getName() + " has no fencing"));
    }

    /**
     * As {@link #save(String, byte[])}, but only while {@code fence} is the
     * newest token {@link #claim(String)} gave for the session; otherwise
     * fails with {@link FencedOffException} and stores nothing. The check and
     * the write are one atomic step in the store.
     */
    default CompletionStage<Long> save(String sessionId, byte[] snapshot, long fence) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getName() + " has no fencing"));
    }

    /**
     * The session's newest snapshot whose checksum is good (older ones are
     * used when newer ones are corrupt, with a warning saying so); empty if
     * the session has none.
     */
    CompletionStage<Optional<StoredSnapshot>> load(String sessionId);

    /** Removes all of a session's snapshots. */
    CompletionStage<Void> delete(String sessionId);

    /**
     * The newest snapshot of every stored session, by session id (for tools
     * and consoles: nothing is decoded or verified). Stores that cannot list
     * fail with {@link UnsupportedOperationException}.
     */
    default CompletionStage<List<SnapshotInfo>> list() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getName() + " cannot list sessions"));
    }

    /**
     * The ids of the sessions whose newest snapshot has an extra root
     * (format version 3; see {@link Persister#capture(UnpersistablePolicy,
     * org.luahost.vm.LuaTable)}): the scheduler saves its pending timers
     * there, and a host restores these sessions when it starts so that their
     * timers fire without a message. The default lists and loads every
     * session; stores may read only the snapshots' headers.
     */
    default CompletionStage<List<String>> withExtraRoot() {
        return list().thenCompose(infos -> {
            List<String> ids = new java.util.ArrayList<>();
            CompletableFuture<?>[] loads = new CompletableFuture<?>[infos.size()];
            for (int i = 0; i < loads.length; i++) {
                String id = infos.get(i).sessionId();
                loads[i] = load(id).toCompletableFuture().thenAccept(s -> {
                    if (s.isPresent() && s.get().bytes().length > 5 && ((s.get().bytes()[4] & 0xFF) << 8
                            | (s.get().bytes()[5] & 0xFF)) >= 3) {
                        synchronized (ids) {
                            ids.add(id);
                        }
                    }
                });
            }
            return CompletableFuture.allOf(loads).thenApply(v -> List.copyOf(ids));
        });
    }

    /** Every snapshot the store keeps of a session, newest first (empty if none). */
    default CompletionStage<List<SnapshotInfo>> history(String sessionId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getName() + " keeps no history"));
    }

    /**
     * One kept snapshot of a session by sequence number, verified (a corrupt
     * one fails with {@link CorruptSnapshotException}); empty if the store no
     * longer keeps it.
     */
    default CompletionStage<Optional<StoredSnapshot>> load(String sessionId, long sequence) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getName() + " keeps no history"));
    }

    /**
     * Which fencing token wrote each kept snapshot of a session, oldest first
     * (empty if none): for history checkers. Stores without fencing fail with
     * {@link UnsupportedOperationException}.
     */
    default CompletionStage<List<SnapshotWriter>> writers(String sessionId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getName() + " has no fencing"));
    }

    /**
     * Writes a consistent copy of the whole store to file (which must not
     * exist), while saves go on; the copy is a store of the same kind
     * ({@code sessions.db} for SQLite: put it in a folder of its own to open it).
     */
    default CompletionStage<Void> backup(Path file) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getName() + " cannot back up"));
    }

    /**
     * Operations accepted and not yet written (saves and deletes waiting for
     * the writer), for the metrics; -1 (default): the store cannot tell. Any
     * thread; a snapshot that may be stale at once.
     */
    default int queueSize() { return -1; }

    /** Finishes the operations already accepted, then releases the store. Blocks until done. */
    @Override
    void close();

    /**
     * The embedded default as the one owner of its data folder: takes the
     * folder's lock ({@code dataDir/lock}, naming this process's pid), waiting
     * at most {@code lockWait} while another process holds it, and keeps it
     * until {@link #close}. Hosts that serve sessions should open their store
     * this way, so that two processes never save the same session.
     *
     * @throws PersistenceException if the lock stays taken (the message names the folder and the holder's pid)
     */
    static SessionStore sqliteLocked(Path dataDir, java.time.Duration lockWait) {
        return SqliteSessionStore.openLocked(dataDir, 3, lockWait);
    }

    /**
     * The embedded default: one SQLite file ({@code sessions.db}) in dataDir,
     * keeping 3 snapshots per session, without the folder's lock (several
     * stores may share the file; see {@link #sqliteLocked}).
     */
    static SessionStore sqlite(Path dataDir) { return SqliteSessionStore.open(dataDir, 3); }

    /** The embedded default, keeping the last {@code keep} (at least 1) snapshots of each session. */
    static SessionStore sqlite(Path dataDir, int keep) { return SqliteSessionStore.open(dataDir, keep); }

    /**
     * The shared store: a PostgreSQL database, given as
     * {@code postgresql://user[:password]@host[:port]/database} (or
     * {@code postgres://}; without a password in it, {@code PGPASSWORD} is
     * used), keeping 3 snapshots per session, with fencing. Creates or
     * migrates its tables first and blocks until they are ready (so not on an
     * event loop). Runs on a Vert.x instance of its own, closed with the store.
     *
     * @throws PersistenceException if the database cannot be reached or migrated (the message says why)
     */
    static SessionStore postgresql(String uri) { return PgSessionStore.open(uri, 3, null); }

    /**
     * As {@link #postgresql(String)}, keeping the last {@code keep} snapshots,
     * on the given Vert.x instance (the host's; the store does not close it),
     * or on one of its own if {@code vertx} is null.
     */
    static SessionStore postgresql(String uri, int keep, io.vertx.core.Vertx vertx) { return PgSessionStore.open(uri, keep, vertx); }
}
