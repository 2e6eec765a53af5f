package org.luahost.coroutines;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * Runs Lua code in a fresh state on a thread of its own, with a deadline: a
 * hand-off that never completes fails the test loudly (with the stuck
 * thread's Java stack) instead of hanging the build.
 */
final class LuaRun {
    final LuaState L;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    LuaRun() {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        L = LuaState.create(Profile.TRUSTED, ps, ps, new ByteArrayInputStream(new byte[0]));
    }

    /** What print wrote so far. */
    String output() {
        L.stdout.flush();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Runs chunk on a new virtual thread; returns its results. */
    Object[] run(String chunk, Duration deadline) {
        return run(chunk, deadline, true);
    }

    Object[] run(String chunk, Duration deadline, boolean virtual) {
        LuaFunction f = L.load(chunk, "=test", "t", null);
        return call(() -> L.call(f), deadline, virtual);
    }

    interface Body { Object[] get() throws Exception; }

    /** Runs body on a new (virtual or platform) thread and waits at most deadline for it. */
    static Object[] call(Body body, Duration deadline, boolean virtual) {
        CompletableFuture<Object[]> result = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                result.complete(body.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        };
        Thread t = virtual ? Thread.ofVirtual().name("lua-main").start(r)
                : Thread.ofPlatform().name("lua-main").stackSize(256L << 20).start(r);
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            StringBuilder sb = new StringBuilder("Lua code did not finish within " + deadline
                    + " (a lost hand-off?); its thread is " + t.getState() + " at:\n");
            for (StackTraceElement el : t.getStackTrace()) sb.append("\tat ").append(el).append('\n');
            fail(sb.toString());
            return null;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new RuntimeException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }
}
