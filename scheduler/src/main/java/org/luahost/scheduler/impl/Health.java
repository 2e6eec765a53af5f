package org.luahost.scheduler.impl;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;

import org.luahost.persistence.SessionStore;
import org.luahost.scheduler.SessionException;

/**
 * The host's health checks (Vert.x health checks; issue 15), in two groups:
 * <ul>
 * <li>{@code live/event-loops}: every event loop the host's sessions live on
 *     runs a task within 2 s (a loop blocked by a stuck handler fails it);
 * <li>{@code live/store}: the session store answers a read within 5 s (OK
 *     without a store);
 * <li>{@code ready/admission}: the host accepts new sessions: it is not
 *     closing, the heap is below its ceiling and the live sessions below
 *     their maximum (the reason otherwise).
 * </ul>
 * Liveness is the {@code live} group, readiness every check. The procedures
 * run on the Vert.x context that asks; none blocks.
 */
final class Health {
    private Health() {}

    static HealthChecks create(HostImpl host, List<HomeContext> homes) {
        HealthChecks hc = HealthChecks.create(host.vertx());
        hc.register("live/event-loops", 2_000, p -> eventLoops(homes, p));
        hc.register("live/store", 5_000, p -> store(host.options().store(), p));
        hc.register("ready/admission", 1_000, p -> {
            String refusal = host.refusal();
            if (refusal == null) p.complete(Status.OK());
            else p.complete(Status.KO(new JsonObject().put("reason", refusal)));
        });
        return hc;
    }

    private static void eventLoops(List<HomeContext> homes, Promise<Status> p) {
        if (homes.isEmpty()) {
            p.complete(Status.KO(new JsonObject().put("reason", "the host is not ready yet")));
            return;
        }
        AtomicInteger left = new AtomicInteger(homes.size());
        for (HomeContext h : homes) {
            h.runOnContext(v -> {
                if (left.decrementAndGet() == 0) p.tryComplete(Status.OK(new JsonObject().put("loops", homes.size())));
            });
        }
    }

    private static void store(SessionStore store, Promise<Status> p) {
        if (store == null) {
            p.complete(Status.OK(new JsonObject().put("store", "none")));
            return;
        }
        store.load("\u0000health").whenComplete((r, x) -> {
            if (x == null) p.tryComplete(Status.OK());
            else p.tryComplete(Status.KO(new JsonObject().put("reason", String.valueOf(x.getMessage()))));
        });
    }

    /** Why a new session would be refused now, or null (see {@link Admission#checkNewSession}). */
    static String refusal(Admission admission, boolean closing, long live) {
        if (closing) return "the host is shutting down";
        try {
            admission.checkNewSession("(new)", live);
            return null;
        } catch (SessionException e) {
            return e.getMessage();
        }
    }
}
