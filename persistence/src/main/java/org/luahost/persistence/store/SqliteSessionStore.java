package org.luahost.persistence.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import org.luahost.persistence.CorruptSnapshotException;
import org.luahost.persistence.FencedOffException;
import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.SnapshotInfo;
import org.luahost.persistence.SnapshotWriter;
import org.luahost.persistence.StoredSnapshot;
import org.luahost.persistence.codec.SnapshotFormat;

/**
 * The default {@link SessionStore}: one SQLite database file in WAL mode with
 * {@code synchronous=FULL}, so a commit is on disk when it returns.
 *
 * <p>Writes go through one writer thread that takes every save waiting in its
 * queue and commits them in one transaction (group commit): under load, many
 * sessions' saves share one fsync. Each save gets the session's next sequence
 * number (computed in the transaction); rows older than the last {@code keep} of a session are deleted in
 * the same transaction. Loads run on a separate reader thread with its own
 * connection (WAL lets it read while the writer writes) and see every save
 * whose future has completed.
 *
 * <p>Fencing ({@link #claim}, {@link #save(String, byte[], long)}) as in the
 * PostgreSQL store: a {@code session_fence} table holds each session's newest
 * token; claims and fenced saves go through the writer, a fenced save's check
 * and insert being one statement, and each snapshot records its token.
 *
 * <p>Threads: any thread may call the public methods. The write connection is
 * used by the writer thread only, the read connection by the reader thread
 * only. Opened with {@link #openLocked} (as {@code luahost run} and
 * {@code serve} open it), the store owns its data folder ({@link DataFolderLock});
 * opened with {@link #open}, several stores and processes may share the file
 * (SQLite's locks order their transactions).
 */
public final class SqliteSessionStore implements SessionStore {
    /** Most saves committed in one transaction. */
    private static final int MAX_BATCH = 8192;

    private final Path file;
    private final int keep;
    /** The writer thread's connection; replaced after a failed commit, null while it cannot be reopened. */
    private Connection writeConn;
    private final Connection readConn;
    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ExecutorService reader;
    /** The data folder's lock when this store owns the folder ({@link #openLocked}), else null. */
    private final DataFolderLock lock;
    private volatile boolean closed;

    private sealed interface Op permits Save, Delete, Claim, Close {}

    /** A save; {@code fenced} false: without a token (fence is then unused). */
    private record Save(String session, byte[] bytes, boolean fenced, long fence, CompletableFuture<Long> done) implements Op {}

    private record Claim(String session, CompletableFuture<Long> done) implements Op {}

    private record Delete(String session, CompletableFuture<Void> done) implements Op {}

    private record Close() implements Op {}

    private SqliteSessionStore(Path file, int keep, DataFolderLock lock) throws SQLException {
        this.file = file;
        this.keep = keep;
        this.lock = lock;
        this.writeConn = openWriter(file);
        this.readConn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = readConn.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
        }
        this.writer = Thread.ofPlatform().name("luahost-store-writer").daemon(true).unstarted(this::writeLoop);
        this.reader = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("luahost-store-reader").daemon(true).unstarted(r));
        writer.start();
    }

    /**
     * Opens (creating if needed) {@code dataDir/sessions.db} without taking
     * the data folder's lock: for readers beside the folder's owner (tools,
     * tests) and for stores shared on purpose (SQLite orders the
     * transactions; a session saved by two writers keeps the last write).
     */
    public static SqliteSessionStore open(Path dataDir, int keep) {
        return open(dataDir, keep, null);
    }

    /**
     * Opens {@code dataDir/sessions.db} as the folder's one owner: takes
     * {@link DataFolderLock} first (waiting at most {@code lockWait} while
     * another process holds it) and keeps it until {@link #close}.
     *
     * @throws PersistenceException naming the folder and the holder's pid if the lock stays taken
     */
    public static SqliteSessionStore openLocked(Path dataDir, int keep, Duration lockWait) {
        if (keep < 1) throw new IllegalArgumentException("keep must be at least 1");
        DataFolderLock l = DataFolderLock.acquire(dataDir, lockWait);
        try {
            return open(dataDir, keep, l);
        } catch (RuntimeException e) {
            l.close();
            throw e;
        }
    }

    private static SqliteSessionStore open(Path dataDir, int keep, DataFolderLock lock) {
        if (keep < 1) throw new IllegalArgumentException("keep must be at least 1");
        try {
            Files.createDirectories(dataDir);
            return new SqliteSessionStore(dataDir.resolve("sessions.db"), keep, lock);
        } catch (IOException | SQLException e) {
            throw new PersistenceException("cannot open the session store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The writer's connection: WAL, synchronous=FULL, the table, no auto-commit. */
    private static Connection openWriter(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE IF NOT EXISTS snapshot (session TEXT NOT NULL, seq INTEGER NOT NULL, "
                    + "saved_at INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (session, seq))");
            // fencing: the newest token per session (kept when the session is deleted), and which token wrote each snapshot
            s.execute("CREATE TABLE IF NOT EXISTS session_fence (session TEXT PRIMARY KEY, fence INTEGER NOT NULL)");
            addFenceColumn(s);
            c.setAutoCommit(false);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Adds snapshot.fence to a file made before fencing (another process may be adding it at the same time). */
    private static void addFenceColumn(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pragma_table_info('snapshot') WHERE name = 'fence'")) {
            if (rs.next() && rs.getInt(1) > 0) return;
        }
        try {
            s.execute("ALTER TABLE snapshot ADD COLUMN fence INTEGER");
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("duplicate column")) throw e;
        }
    }

    /**
     * After a failed commit: the connection is replaced by a new one. SQLite
     * rolls a transaction back by itself on some errors (SQLITE_FULL,
     * SQLITE_IOERR, SQLITE_NOMEM); the driver does not know, and its next
     * statements would run outside any transaction, each committed alone,
     * while every later commit fails with "no transaction is active". A new
     * connection starts clean; if it cannot be opened (the disk is still
     * full), the next batch tries again.
     */
    private void resetWriter() {
        Connection old = writeConn;
        writeConn = null;
        if (old != null) {
            try {
                old.rollback();
            } catch (SQLException ignored) {
                // already rolled back by SQLite; closing ends whatever is left
            }
            try {
                old.close();
            } catch (SQLException ignored) {
                // the connection is dropped either way
            }
        }
        try {
            writeConn = openWriter(file);
        } catch (SQLException ignored) {
            // tried again before the next batch
        }
    }

    /** The database file. */
    public Path file() { return file; }

    @Override
    public CompletionStage<Long> save(String sessionId, byte[] snapshot) {
        return write(sessionId, snapshot, false, 0);
    }

    /** Checked and written in one statement of the writer's transaction (see {@link #commit}). */
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
        enqueue(new Save(sessionId, snapshot, fenced, fence, f), f);
        return f;
    }

    /** Through the writer, committed with its batch (SQLite's write lock orders claims of several processes). */
    @Override
    public CompletionStage<Long> claim(String sessionId) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        enqueue(new Claim(sessionId, f), f);
        return f;
    }

    @Override
    public CompletionStage<List<SnapshotWriter>> writers(String sessionId) {
        return onReader("read the writers of session '" + sessionId + "'", () -> {
            List<SnapshotWriter> r = new ArrayList<>();
            try (PreparedStatement q = readConn.prepareStatement("SELECT seq, coalesce(fence, 0), saved_at FROM snapshot "
                    + "WHERE session = ? ORDER BY seq")) {
                q.setString(1, sessionId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) r.add(new SnapshotWriter(sessionId, rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return r;
        });
    }

    @Override
    public CompletionStage<Void> delete(String sessionId) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        enqueue(new Delete(sessionId, f), f);
        return f;
    }

    /** The saves and deletes waiting for the writer (not the batch it is committing now). */
    @Override
    public int queueSize() { return queue.size(); }

    private void enqueue(Op op, CompletableFuture<?> f) {
        if (closed) {
            f.completeExceptionally(new PersistenceException("the session store is closed"));
            return;
        }
        queue.add(op);
    }

    @Override
    public CompletionStage<Optional<StoredSnapshot>> load(String sessionId) {
        CompletableFuture<Optional<StoredSnapshot>> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new PersistenceException("the session store is closed"));
            return f;
        }
        reader.execute(() -> {
            try {
                f.complete(read(sessionId));
            } catch (CorruptSnapshotException e) {
                f.completeExceptionally(e);   // already names the session and each snapshot's fault
            } catch (SQLException | RuntimeException e) {
                f.completeExceptionally(new PersistenceException("cannot load session '" + sessionId + "': " + e.getMessage(), e));
            }
        });
        return f;
    }

    /** Runs query on the reader thread; its SQL and runtime failures become a PersistenceException saying what. */
    private <T> CompletionStage<T> onReader(String what, SqlQuery<T> query) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new PersistenceException("the session store is closed"));
            return f;
        }
        reader.execute(() -> {
            try {
                f.complete(query.run());
            } catch (CorruptSnapshotException e) {
                f.completeExceptionally(e);
            } catch (SQLException | RuntimeException e) {
                f.completeExceptionally(new PersistenceException("cannot " + what + ": " + e.getMessage(), e));
            }
        });
        return f;
    }

    private interface SqlQuery<T> {
        T run() throws SQLException;
    }

    private static final String INFO_COLUMNS = "session, seq, saved_at, length(data), "
            + "(SELECT count(*) FROM snapshot k WHERE k.session = s.session)";

    private static SnapshotInfo info(ResultSet rs) throws SQLException {
        return new SnapshotInfo(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4), rs.getInt(5));
    }

    @Override
    public CompletionStage<List<SnapshotInfo>> list() {
        return onReader("list the sessions", () -> {
            List<SnapshotInfo> r = new ArrayList<>();
            try (PreparedStatement q = readConn.prepareStatement("SELECT " + INFO_COLUMNS + " FROM snapshot s "
                    + "WHERE seq = (SELECT max(seq) FROM snapshot m WHERE m.session = s.session) ORDER BY session");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) r.add(info(rs));
            }
            return r;
        });
    }

    /** From the newest snapshots' headers (bytes 5 and 6 hold the format version). */
    @Override
    public CompletionStage<List<String>> withExtraRoot() {
        return onReader("list the sessions with pending timers", () -> {
            List<String> r = new ArrayList<>();
            try (PreparedStatement q = readConn.prepareStatement("SELECT session FROM snapshot s "
                    + "WHERE seq = (SELECT max(seq) FROM snapshot m WHERE m.session = s.session) "
                    + "AND substr(data, 5, 2) >= x'0003' ORDER BY session");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) r.add(rs.getString(1));
            }
            return r;
        });
    }

    @Override
    public CompletionStage<List<SnapshotInfo>> history(String sessionId) {
        return onReader("read the history of session '" + sessionId + "'", () -> {
            List<SnapshotInfo> r = new ArrayList<>();
            try (PreparedStatement q = readConn.prepareStatement("SELECT " + INFO_COLUMNS + " FROM snapshot s "
                    + "WHERE session = ? ORDER BY seq DESC")) {
                q.setString(1, sessionId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) r.add(info(rs));
                }
            }
            return r;
        });
    }

    @Override
    public CompletionStage<Optional<StoredSnapshot>> load(String sessionId, long sequence) {
        return onReader("load snapshot " + sequence + " of session '" + sessionId + "'", () -> {
            try (PreparedStatement q = readConn.prepareStatement("SELECT data FROM snapshot WHERE session = ? AND seq = ?")) {
                q.setString(1, sessionId);
                q.setLong(2, sequence);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    byte[] data = rs.getBytes(1);
                    try {
                        SnapshotFormat.verify(data);
                    } catch (CorruptSnapshotException e) {
                        throw new CorruptSnapshotException("snapshot " + sequence + " of session '" + sessionId + "' is unusable ("
                                + e.getMessage() + ")");
                    }
                    return Optional.of(new StoredSnapshot(sessionId, sequence, data, List.of()));
                }
            }
        });
    }

    /** VACUUM INTO on the reader's connection: a consistent copy as of one read transaction, written while saves go on. */
    @Override
    public CompletionStage<Void> backup(Path target) {
        return onReader("back up the store to " + target, () -> {
            if (Files.exists(target)) throw new SQLException(target + " already exists");
            try (PreparedStatement q = readConn.prepareStatement("VACUUM INTO ?")) {
                q.setString(1, target.toAbsolutePath().toString());
                q.execute();
            }
            return null;
        });
    }

    private Optional<StoredSnapshot> read(String session) throws SQLException {
        NewestGood pick = new NewestGood(session);
        try (PreparedStatement q = readConn.prepareStatement("SELECT seq, data FROM snapshot WHERE session = ? ORDER BY seq DESC")) {
            q.setString(1, session);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    StoredSnapshot s = pick.offer(rs.getLong(1), rs.getBytes(2));
                    if (s != null) return Optional.of(s);
                }
            }
        }
        return pick.none();
    }

    // ---------------------------------------------------------------- writer thread

    private void writeLoop() {
        List<Op> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;   // only close() stops the writer, after draining
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stop = batch.removeIf(op -> op instanceof Close);
            if (!batch.isEmpty()) commit(batch);
        }
        List<Op> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (Op op : rest) fail(op, new PersistenceException("the session store is closed"));
    }

    private void commit(List<Op> batch) {
        Object[] results = new Object[batch.size()];
        if (writeConn == null) {
            try {
                writeConn = openWriter(file);
            } catch (SQLException e) {
                failAll(batch, e);
                return;
            }
        }
        try (SqliteStatements st = new SqliteStatements(writeConn)) {
            long now = System.currentTimeMillis();
            for (int i = 0; i < batch.size(); i++) {
                results[i] = switch (batch.get(i)) {
                    case Save s -> save(st, s, now);
                    case Claim c -> {
                        st.claim().setString(1, c.session());
                        yield SqliteStatements.single(st.claim());
                    }
                    case Delete d -> {
                        st.delete().setString(1, d.session());
                        st.delete().executeUpdate();
                        yield null;
                    }
                    case Close c -> throw new IllegalStateException();
                };
            }
            writeConn.commit();
        } catch (SQLException | RuntimeException e) {
            resetWriter();
            failAll(batch, e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Object r = results[i];
            switch (batch.get(i)) {
                case Save s when r instanceof FencedOffException e -> s.done().completeExceptionally(e);
                case Save s -> s.done().complete((Long) r);
                case Claim c -> c.done().complete((Long) r);
                case Delete d -> d.done().complete(null);
                case Close c -> {}
            }
        }
    }

    /** One save in the batch's transaction: its sequence number, or a FencedOffException when its token is not the newest. */
    private Object save(SqliteStatements st, Save s, long now) throws SQLException {
        long seq;
        if (s.fenced()) {
            PreparedStatement q = st.fencedInsert();
            q.setString(1, s.session());
            q.setLong(2, now);
            q.setBytes(3, s.bytes());
            q.setLong(4, s.fence());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    st.newestFence().setString(1, s.session());
                    try (ResultSet f = st.newestFence().executeQuery()) {
                        return new FencedOffException(s.session(), s.fence(), f.next() ? f.getLong(1) : 0);
                    }
                }
                seq = rs.getLong(1);
            }
        } else {
            PreparedStatement q = st.insert();
            q.setString(1, s.session());
            q.setLong(2, now);
            q.setBytes(3, s.bytes());
            seq = SqliteStatements.single(q);
        }
        if (seq > keep) {
            st.prune().setString(1, s.session());
            st.prune().setLong(2, seq - keep);
            st.prune().executeUpdate();
        }
        return seq;
    }

    /** Fails every operation of a batch that was not committed, naming its session. */
    private void failAll(List<Op> batch, Exception e) {
        String why = e.getMessage() != null ? e.getMessage() : e.toString();
        for (Op op : batch) {
            switch (op) {
                case Save s -> fail(op, new PersistenceException("cannot save session '" + s.session() + "' to " + file + ": " + why, e));
                case Delete d -> fail(op, new PersistenceException("cannot delete session '" + d.session() + "' from " + file + ": " + why, e));
                case Claim c -> fail(op, new PersistenceException("cannot claim session '" + c.session() + "' in " + file + ": " + why, e));
                case Close c -> {}
            }
        }
    }

    private static void fail(Op op, Throwable e) {
        switch (op) {
            case Save s -> s.done().completeExceptionally(e);
            case Delete d -> d.done().completeExceptionally(e);
            case Claim c -> c.done().completeExceptionally(e);
            case Close c -> {}
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(new Close());
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // an operation enqueued while close() ran may have missed the writer's last drain
        List<Op> late = new ArrayList<>();
        queue.drainTo(late);
        for (Op op : late) fail(op, new PersistenceException("the session store is closed"));
        reader.shutdown();
        try {
            while (!reader.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                // loads still running; keep waiting
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        try {
            readConn.close();
            if (writeConn != null) writeConn.close();
        } catch (SQLException e) {
            throw new PersistenceException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            if (lock != null) lock.close();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
