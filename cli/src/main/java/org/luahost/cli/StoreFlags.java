package org.luahost.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.luahost.persistence.SessionStore;

/**
 * Where a command's sessions are stored: {@code --data DIR} (the embedded
 * SQLite store in a folder, the default {@code ./.luahost}) or
 * {@code --store postgresql://user[:password]@host[:port]/db} (also
 * {@code postgres://}; the shared PostgreSQL store). The one place of the
 * cli that turns these flags into a {@link SessionStore} ({@code serve},
 * {@code run --session}, {@code sessions}).
 */
final class StoreFlags {
    static final String USAGE = """
              --store URI         a PostgreSQL database shared by several hosts instead of --data
                                  (postgresql://user[:password]@host[:port]/database; PGPASSWORD if no password)
            """;

    private Path data = Path.of(".luahost");
    private String uri;

    /** True for the URIs {@code --store} accepts. */
    static boolean isDatabase(String s) {
        return s.startsWith("postgresql://") || s.startsWith("postgres://");
    }

    /** {@code --data DIR}: the SQLite store in DIR (the last of --data and --store wins). */
    void data(Path dir) {
        data = dir;
        uri = null;
    }

    /** {@code --store URI}; a URI of another kind is refused. */
    void store(String value) {
        if (!isDatabase(value)) {
            throw new IllegalArgumentException("--store expects postgresql://user@host:port/database, not '" + value + "'");
        }
        uri = value;
    }

    /** The data folder (meaningful when {@link #database()} is false). */
    Path data() { return data; }

    /** Whether the sessions are in a database (--store) rather than a data folder. */
    boolean database() { return uri != null; }

    /** The store for messages: the folder, or the URI without its password. */
    String where() {
        return uri == null ? data.toString() : uri.replaceFirst("^(postgres(?:ql)?://[^:@/]*):[^@/]*@", "$1@");
    }

    /** Whether there is something to read: a database always; a folder once it holds sessions.db. */
    boolean exists() {
        return uri != null || Files.isRegularFile(data.resolve("sessions.db"));
    }

    /**
     * Opens the store. A data folder is opened as its one owner when
     * {@code own} (its lock, waiting at most lockWait), else beside the owner;
     * a database is shared by design (fencing keeps its writers apart).
     *
     * @throws org.luahost.persistence.PersistenceException if it cannot be opened (the message says why)
     */
    SessionStore open(boolean own, Duration lockWait) {
        if (uri != null) return SessionStore.postgresql(uri);
        return own ? SessionStore.sqliteLocked(data, lockWait) : SessionStore.sqlite(data);
    }
}
