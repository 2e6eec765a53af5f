package org.luahost.persistence.store;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

/**
 * The PostgreSQL store's tables and their migrations: numbered SQL steps,
 * applied in order by {@link #migrate} when a store opens, each recorded in
 * {@code luahost_schema_version}.
 *
 * <p>The whole migration is one transaction holding a transaction-scoped
 * advisory lock, so two nodes that start at once do not both create the
 * tables (the second waits, then finds every step applied) and a failed step
 * leaves nothing half done (PostgreSQL's DDL is transactional). A database
 * migrated by a newer luahost (a step this one does not know) is refused.
 *
 * <p>Tables: {@code luahost_session} holds per session the newest fencing
 * token ({@code fence}, raised by each claim, never lowered, kept when the
 * session is deleted) and the last sequence number given ({@code seq});
 * {@code luahost_snapshot} holds the kept snapshots, each with the token of
 * the claim that wrote it ({@code fence}; null for a save without a token).
 */
final class PgSchema {
    /** The advisory lock's key: "luahost\0" as a number, so other applications' keys are unlikely to collide. */
    static final long LOCK_KEY = 0x6c7561686f737400L;

    /** Step n of the list brings the schema to version n + 1. Append only: never edit a released step. */
    static final List<List<String>> STEPS = List.of(
            List.of("CREATE TABLE luahost_session (session text PRIMARY KEY, "
                            + "fence bigint NOT NULL DEFAULT 0, seq bigint NOT NULL DEFAULT 0)",
                    "CREATE TABLE luahost_snapshot (session text NOT NULL, seq bigint NOT NULL, "
                            + "saved_at timestamptz NOT NULL DEFAULT clock_timestamp(), data bytea NOT NULL, "
                            + "PRIMARY KEY (session, seq))"),
            List.of("ALTER TABLE luahost_snapshot ADD COLUMN fence bigint"));

    private PgSchema() {}

    /** The schema version this code writes and reads. */
    static int current() { return STEPS.size(); }

    /**
     * Brings the database to {@link #current()}: completes with the version it
     * found (0 for an empty database); fails if the database is newer.
     */
    static Future<Integer> migrate(Pool pool) {
        return pool.withTransaction(conn -> conn.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                // not CREATE TABLE IF NOT EXISTS: its notice would be logged as a warning at every start
                .compose(r -> conn.query("SELECT to_regclass('luahost_schema_version') IS NOT NULL").execute())
                .compose(rs -> rs.iterator().next().getBoolean(0) ? Future.succeededFuture()
                        : conn.query("CREATE TABLE luahost_schema_version (version integer PRIMARY KEY, "
                                + "applied_at timestamptz NOT NULL DEFAULT now())").execute().mapEmpty())
                .compose(r -> conn.query("SELECT coalesce(max(version), 0) FROM luahost_schema_version").execute())
                .compose(rs -> {
                    int found = rs.iterator().next().getInteger(0);
                    if (found > current()) {
                        return Future.failedFuture(new IllegalStateException("the database's luahost schema is version " + found
                                + ", newer than this luahost knows (" + current() + "): upgrade luahost"));
                    }
                    return apply(conn, found).map(found);
                }));
    }

    /** Runs the steps after version {@code from}, one after the other, each followed by its version row. */
    private static Future<Void> apply(SqlConnection conn, int from) {
        Future<Void> chain = Future.succeededFuture();
        for (int v = from + 1; v <= current(); v++) {
            int version = v;
            for (String sql : STEPS.get(v - 1)) {
                chain = chain.compose(x -> conn.query(sql).execute().mapEmpty());
            }
            chain = chain.compose(x -> conn.query("INSERT INTO luahost_schema_version (version) VALUES (" + version + ")")
                    .execute().mapEmpty());
        }
        return chain;
    }
}
