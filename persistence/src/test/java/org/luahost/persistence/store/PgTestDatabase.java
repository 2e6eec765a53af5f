package org.luahost.persistence.store;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * A scratch database for one test class on the PostgreSQL server named by
 * {@code LUAHOST_TEST_PG} (tests/pg/start.sh starts one and prints it; .ci/run
 * exports it): created empty, dropped by {@link #close}. Tests that need it
 * skip, saying so, when the variable is not set; they fail when it is set and
 * the server does not answer.
 */
final class PgTestDatabase implements AutoCloseable {
    static final String ENV = "LUAHOST_TEST_PG";

    private final Vertx vertx = Vertx.vertx();
    private final Pool admin;
    private final String name;
    private final String uri;

    private PgTestDatabase(String serverUri) throws Exception {
        PgConnectOptions o = PgSessionStore.connectOptions(serverUri);
        admin = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(o).using(vertx).build();
        name = "luahost_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql("CREATE DATABASE " + name);
        uri = "postgresql://" + o.getUser() + ":" + o.getPassword() + "@" + o.getHost() + ":" + o.getPort() + "/" + name;
    }

    /** A new empty database, or the test is skipped when LUAHOST_TEST_PG is not set. */
    static PgTestDatabase create() throws Exception {
        String server = System.getenv(ENV);
        Assumptions.assumeTrue(server != null && !server.isBlank(), ENV + " is not set: the PostgreSQL store's tests are skipped "
                + "(eval \"$(tests/pg/start.sh)\" starts a local PostgreSQL and sets it)");
        return new PgTestDatabase(server);
    }

    /** The scratch database's URI, with the password. */
    String uri() { return uri; }

    /** Runs one statement on the server's own database (not the scratch one). */
    void sql(String statement) throws Exception {
        admin.query(statement).execute().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** A pool on the scratch database, for tests that look at or damage its tables; closed with this. */
    Pool pool() {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(PgSessionStore.connectOptions(uri)).using(vertx).build();
    }

    @Override
    public void close() throws Exception {
        try {
            sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } finally {
            admin.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
