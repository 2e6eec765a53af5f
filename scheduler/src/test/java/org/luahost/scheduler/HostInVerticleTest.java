package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.SessionStore;

/**
 * A LuaHost owned by a verticle: created in start, closed in stop (or not
 * closed at all), the verticle undeployed; the host's sessions are saved and
 * nothing is left deployed.
 */
class HostInVerticleTest {
    @TempDir Path dir;
    Vertx vertx;
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream savedErr;

    /** Owns a host on a store; closes it in stop when closeInStop. */
    static final class Owner extends VerticleBase {
        final SessionStore store;
        final boolean closeInStop;
        LuaHost host;

        Owner(SessionStore store, boolean closeInStop) {
            this.store = store;
            this.closeInStop = closeInStop;
        }

        @Override
        public Future<?> start() {
            host = LuaHost.create(vertx, new HostOptions().store(store).defaultScript(PersistentSessionsTest.COUNTER));
            return host.ready().compose(v -> host.call("c", "inc", 5));
        }

        @Override
        public Future<?> stop() {
            return closeInStop ? host.close() : Future.succeededFuture();
        }
    }

    @BeforeEach
    void up() {
        vertx = Vertx.vertx();
        savedErr = System.err;
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void down() throws Exception {
        System.setErr(savedErr);
        SessionsTest.get(vertx.close());
    }

    @Test
    void closedInStop() throws Exception {
        undeployAndCheck(true);
    }

    @Test
    void notClosedByTheVerticleIsClosedWithIt() throws Exception {
        undeployAndCheck(false);
    }

    private void undeployAndCheck(boolean closeInStop) throws Exception {
        try (SessionStore store = SessionStore.sqlite(dir)) {
            int before = vertx.deploymentIDs().size();
            Owner owner = new Owner(store, closeInStop);
            String id = SessionsTest.get(vertx.deployVerticle(owner));
            SessionsTest.get(vertx.undeploy(id));
            assertEquals(before, vertx.deploymentIDs().size(), "nothing left deployed");
            assertTrue(owner.host.find("c") == null, "the session stopped");
        }
        try (SessionStore store = SessionStore.sqlite(dir)) {   // saved as the host closed
            LuaHost h = LuaHost.create(vertx, new HostOptions().store(store).defaultScript(PersistentSessionsTest.COUNTER));
            SessionsTest.get(h.ready());
            assertEquals(6L, SessionsTest.get(h.call("c", "inc", 1))[0]);
            SessionsTest.get(h.close());
        }
        String err = errBytes.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("Unknown deployment"), err);
        assertFalse(err.contains("luahost: "), err);
    }
}
