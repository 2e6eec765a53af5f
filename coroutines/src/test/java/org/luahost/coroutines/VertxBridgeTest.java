package org.luahost.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luahost.vm.JavaFunction;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * The bridge inside a Vert.x context: Lua started from the event loop runs on
 * virtual threads, waits on Vert.x futures without blocking the event loop,
 * and never runs on the event-loop thread, not even after a completion there.
 */
class VertxBridgeTest {
    Vertx vertx;

    @BeforeEach
    void start() { vertx = Vertx.vertx(); }

    @AfterEach
    void stop() throws Exception { vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS); }

    /** Where a piece of Lua code ran: "virtual" or "event-loop" or "platform". */
    static String kind() {
        if (Context.isOnEventLoopThread()) return "event-loop";
        return Thread.currentThread().isVirtual() ? "virtual" : "platform";
    }

    @Test
    void theEventLoopIsNeverTheBlockedThread() throws Exception {
        LuaRun r = new LuaRun();
        Context ctx = vertx.getOrCreateContext();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Thread> completers = Collections.synchronizedList(new ArrayList<>());
        r.L.setGlobal("where", JavaFunction.of("where", (th, a) -> {
            seen.add(kind());
            return JavaFunction.NONE;
        }));
        // Each wait is completed by a task that runs on the same event loop the call was started from:
        // if the event loop were blocked by the wait, the future would never complete.
        r.L.setGlobal("fetch", Async.function("fetch", (th, a) -> {
            Promise<String> p = Promise.promise();
            ctx.runOnContext(v -> {
                completers.add(Thread.currentThread());
                p.complete("value " + a[0]);
            });
            return p.future().toCompletionStage();
        }));
        r.L.setGlobal("timer", Async.function("timer", (th, a) ->
                vertx.timer(20, TimeUnit.MILLISECONDS).map(t -> "tick").toCompletionStage()));
        var f = r.L.load("""
                where()
                local a = fetch(1)
                where()
                local co = coroutine.wrap(function() where() local b = fetch(2) where() coroutine.yield(b) end)
                local b = co()
                local t = timer()
                where()
                return a, b, t
                """, "=test", "t", null);
        CompletableFuture<Object[]> result = new CompletableFuture<>();
        ctx.runOnContext(v -> Async.call(r.L, f).whenComplete((x, e) -> {
            if (e != null) result.completeExceptionally(e); else result.complete(x);
        }));
        Object[] res = result.get(60, TimeUnit.SECONDS);
        assertEquals(List.of("value 1", "value 2", "tick"), List.of(res));
        assertEquals(List.of("virtual", "virtual", "virtual", "virtual", "virtual"), seen);
        assertEquals(2, completers.size());
        for (Thread t : completers) assertFalse(t.isVirtual(), "the completion did not run on the event loop");
    }

    @Test
    void luaCalledDirectlyOnTheEventLoopRefusesToWaitInsteadOfBlockingIt() throws Exception {
        LuaRun r = new LuaRun();
        Promise<String> never = Promise.promise();
        r.L.setGlobal("fetch", Async.function("fetch", (th, a) -> never.future().toCompletionStage()));
        var f = r.L.load("return pcall(fetch)", "=test", "t", null);
        CompletableFuture<Object[]> result = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            try {
                result.complete(r.L.call(f));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        Object[] res = result.get(60, TimeUnit.SECONDS);
        assertEquals(Boolean.FALSE, res[0]);
        assertTrue(((String) res[1]).contains("on a platform thread"), (String) res[1]);
    }

    @Test
    void aLuaErrorFailsTheFutureSeenFromTheEventLoop() throws Exception {
        LuaRun r = new LuaRun();
        var f = r.L.load("local t = nil\nreturn t.x", "=test", "t", null);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<String> completedOn = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            Context ctx = Vertx.currentContext();
            // hop back to the context to see the outcome there, as a verticle would
            Async.call(r.L, f).whenComplete((x, e) -> ctx.runOnContext(w -> {
                completedOn.complete(kind());
                failure.complete(e);
            }));
        });
        Throwable e = failure.get(60, TimeUnit.SECONDS);
        assertEquals("event-loop", completedOn.get());
        assertTrue(e instanceof org.luahost.vm.LuaError, String.valueOf(e));
        assertEquals("test:2: attempt to index a nil value (local 't')", e.getMessage());
        assertTrue(((org.luahost.vm.LuaError) e).luaTraceback().contains("in main chunk"));
    }
}
