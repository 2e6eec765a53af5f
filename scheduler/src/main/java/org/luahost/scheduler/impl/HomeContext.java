package org.luahost.scheduler.impl;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * The event-loop context a session lives on (one of the host's "home"
 * verticles, chosen by the session's id): its timers fire there and its
 * event-bus consumer runs there, and they only deliver envelopes.
 *
 * <p>This is the scheduler's only use of Vert.x internals
 * ({@link ContextInternal}: timers and promises bound to a given context,
 * which the public {@link Context} does not offer). Keep it that way, so that
 * a Vert.x upgrade that moves them touches this class alone.
 *
 * <p>Threads: every method may be called from any thread; handlers run on
 * the context's event-loop thread.
 */
final class HomeContext {
    private final ContextInternal context;

    private HomeContext(ContextInternal context) { this.context = context; }

    /** The context of a deployed verticle (an event-loop context of this Vert.x instance). */
    static HomeContext of(Context context) { return new HomeContext((ContextInternal) context); }

    /**
     * A promise whose future's callbacks run on the calling thread's Vert.x
     * context, if it has one (as for any Vert.x future made there); a plain
     * promise otherwise.
     */
    static <T> Promise<T> callerPromise() {
        Context ctx = Vertx.currentContext();
        return ctx == null ? Promise.promise() : ((ContextInternal) ctx).promise();
    }

    /**
     * When the calling thread runs in a verticle's context (a deployment):
     * arranges for closer to run when that deployment is undeployed (a close
     * hook of its context; the undeploy waits for the future closer returns,
     * whatever its outcome) and returns true. Returns false elsewhere.
     */
    static boolean whenCallerUndeployed(java.util.function.Supplier<io.vertx.core.Future<?>> closer) {
        if (!(Vertx.currentContext() instanceof ContextInternal ctx) || !ctx.isDeployment()) return false;
        ctx.addCloseHook(completion -> closer.get().onComplete(ar -> completion.succeed()));
        return true;
    }

    /** A one-shot timer whose handler runs on this context; returns its id. */
    long setTimer(long delayMs, Handler<Long> handler) { return context.setTimer(delayMs, handler); }

    /** A periodic timer whose handler runs on this context; returns its id. */
    long setPeriodic(long periodMs, Handler<Long> handler) { return context.setPeriodic(periodMs, handler); }

    void runOnContext(Handler<Void> action) { context.runOnContext(action); }
}
