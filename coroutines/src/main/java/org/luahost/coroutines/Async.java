package org.luahost.coroutines;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.spi.Threads;

/**
 * The bridge between Lua and Java futures, both ways.
 *
 * <h2>Lua waits on Java</h2>
 * {@link #await} suspends the calling Lua thread (the main chunk or a
 * coroutine: each runs on its own virtual thread, which parks; no platform
 * thread and no event loop blocks) until a {@link CompletionStage}
 * completes, and returns its value or raises a Lua error. {@link #function}
 * wraps a Java body that returns a stage into a Lua function that Lua code
 * calls like any other: the script reads sequentially. While the Lua thread
 * waits, the state's {@link WaitPolicy} decides whether other Lua code of
 * the state may run (by default not).
 *
 * <p>The completion can come from any thread (an event loop, a pool): it only
 * unparks the Lua thread, which continues on its own virtual thread, so Lua
 * code never runs on the completing thread.
 *
 * <h2>Java calls Lua</h2>
 * {@link #call} runs a Lua function on a new thread of the state's
 * {@link Hosting#threads() factory} once the state's turn is free, and
 * gives a future of its results; a Lua error fails the future with a
 * {@link LuaError} whose {@link LuaError#luaTraceback()} is the Lua
 * traceback where the error was raised. {@link #execute} does the same for
 * arbitrary Java code that uses the state.
 *
 * <h2>Timeouts</h2>
 * A wait ends with the Lua error {@code timeout} when its own timeout
 * expires, or when the deadline set by an enclosing {@link #withTimeout}
 * (Lua: {@code async.timeout(seconds, f, ...)}) passes, whichever is first;
 * a wait with neither gets the state's {@link WaitPolicy#defaultTimeoutNanos}.
 */
public final class Async {
    private Async() {}

    /** Absolute deadline (System.nanoTime) for the waits of the current Lua thread, if one was set. */
    private static final ScopedValue<Long> DEADLINE = ScopedValue.newInstance();

    // ---------------------------------------------------------------- Lua waits on Java

    /**
     * Waits (parked) until stage completes; returns its value. Call it from
     * Java code running on the Lua thread th (a {@link JavaFunction} body). A
     * failed stage raises a Lua error whose value is the exception's message
     * (after unwrapping {@link CompletionException} and
     * {@link ExecutionException}), with the position of the Lua code that
     * called the Java function, as {@code luaL_error} gives; a {@link LuaError}
     * cause keeps its Lua value. Waiting on a platform thread is refused with
     * a Lua error (no platform or event-loop thread is ever blocked); a stage
     * that is already complete returns at once on any thread.
     */
    public static <T> T await(LuaThread th, CompletionStage<T> stage) {
        return awaitUntil(th, stage, 0L, false);
    }

    /** As {@link #await(LuaThread, CompletionStage)}, giving up with the Lua error {@code timeout} after timeout. */
    public static <T> T await(LuaThread th, CompletionStage<T> stage, Duration timeout) {
        long nanos = Math.max(0L, saturatedNanos(timeout));
        return awaitUntil(th, stage, System.nanoTime() + nanos, true);
    }

    private static <T> T awaitUntil(LuaThread th, CompletionStage<T> stage, long deadline, boolean timed) {
        CompletableFuture<T> f = toFuture(stage);
        if (!f.isDone()) waitFor(th, f, deadline, timed);
        return switch (f.state()) {
            case SUCCESS -> f.resultNow();
            case FAILED -> throw failure(th, f.exceptionNow());
            case CANCELLED -> throw failure(th, new CancellationException("cancelled"));
            case RUNNING -> throw th.raise(th.where(1) + "timeout");
        };
    }

    /** Parks until f is done or the deadline passed, giving the turn away as the state's policy says. */
    private static void waitFor(LuaThread th, CompletableFuture<?> f, long deadline, boolean timed) {
        if (DEADLINE.isBound()) {
            long d = DEADLINE.get();
            if (!timed || d - deadline < 0) deadline = d;
            timed = true;
        }
        if (!Thread.currentThread().isVirtual()) {
            throw th.raise(th.where(1) + "attempt to wait for a Java future on a platform thread"
                    + " (run the Lua code on a virtual thread, e.g. with Async.call)");
        }
        LuaState L = th.state;
        LuaThread current = L.current();
        WaitPolicy policy = Hosting.of(L).waitPolicy();
        long byDefault = timed ? 0 : policy.defaultTimeoutNanos(th);
        if (byDefault > 0) {
            deadline = System.nanoTime() + byDefault;
            timed = true;
        }
        boolean interrupted = false;
        policy.beforeWait(th);
        try {
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left > 0) f.get(left, TimeUnit.NANOSECONDS);
            } else {
                f.get();
            }
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            // examined by the caller through f.state()
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            policy.afterWait(th);
            Threads.switchTo(L, current);   // an interleaving policy let other threads of the state run meanwhile
        }
        if (interrupted) {
            Thread.currentThread().interrupt();   // stays set: a cancelled Lua thread's later waits fail too
            throw th.raise(th.where(1) + "interrupted");
        }
        if (byDefault > 0 && !f.isDone()) {
            throw th.raise(th.where(1) + "timeout (no result after " + TimeUnit.NANOSECONDS.toMillis(byDefault)
                    + " ms, the host's default for waits)");
        }
    }

    /**
     * A Lua function whose Java body returns a stage of its results (see
     * {@link AsyncBody}); calling it suspends the calling Lua thread until
     * the stage completes. name is used in messages and tracebacks.
     */
    public static LuaFunction function(String name, AsyncBody body) {
        return new JavaFunction(name) {
            @Override
            protected Object[] call(LuaThread th, Object[] args) {
                CompletionStage<?> stage;
                try {
                    stage = body.call(th, args);
                } catch (LuaError e) {
                    throw e;
                } catch (Exception e) {
                    throw failure(th, e);
                }
                if (stage == null) return LuaFunction.NONE;
                return results(th.state, await(th, stage));
            }
        };
    }

    /** Lua results for a stage's value: an Object[] is several results, null none, anything else one. */
    static Object[] results(LuaState L, Object v) {
        if (v == null) return LuaFunction.NONE;
        if (v instanceof Object[] a) {
            Object[] r = new Object[a.length];
            for (int i = 0; i < a.length; i++) r[i] = Values.toLua(L, a[i]);
            return r;
        }
        return new Object[] {Values.toLua(L, v)};
    }

    /**
     * Runs body with a deadline for every wait of the current Lua thread
     * inside it (nested deadlines: the earliest wins); waits past it raise the
     * Lua error {@code timeout}. Lua: {@code async.timeout(seconds, f, ...)}.
     */
    public static <T> T withTimeout(Duration timeout, java.util.function.Supplier<T> body) {
        long d = System.nanoTime() + Math.max(0L, saturatedNanos(timeout));
        if (DEADLINE.isBound() && DEADLINE.get() - d < 0) d = DEADLINE.get();
        return ScopedValue.where(DEADLINE, d).call(body::get);
    }

    // ---------------------------------------------------------------- Java calls Lua

    /**
     * Calls fn (a Lua function or any callable value) with args (converted
     * with {@link Values#toLua}) on a new thread of the state, once the
     * state's turn is free. The future completes with the Lua results (Lua
     * values, see {@link Values#toJava}) or fails with a {@link LuaError}
     * carrying the Lua error value and the Lua traceback
     * ({@link LuaError#luaTraceback()}); a Java exception escaping the VM
     * fails it as it is.
     */
    public static CompletableFuture<Object[]> call(LuaState L, Object fn, Object... args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < a.length; i++) a[i] = Values.toLua(L, args[i]);
        return execute(L, th -> protectedCall(th, fn, a));
    }

    /** Calls fn on th, protected, recording the traceback; rethrows an error with it. */
    static Object[] protectedCall(LuaThread th, Object fn, Object[] args) {
        return th.tracedCall(fn, args).orThrow();
    }

    /**
     * Runs body on a new thread of the state's {@link Hosting#threads()
     * factory}, holding the state's turn, with a fresh Lua thread (its
     * {@code coroutine.running()} is not the main thread; it inherits the
     * main thread's debug hook) as the state's current thread. The future
     * completes with body's value or exception after the turn is released.
     */
    public static <T> CompletableFuture<T> execute(LuaState L, Function<LuaThread, T> body) {
        Hosting h = Hosting.of(L);
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = h.threads().newThread(() -> {
            h.acquireTurn();
            T value = null;
            Throwable failure = null;
            LuaThread saved = null;
            try {
                LuaThread th = new LuaThread(L);
                th.inheritHook(L.mainThread);
                saved = Threads.switchTo(L, th);
                value = body.apply(th);
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (saved != null) Threads.switchTo(L, saved);
                h.releaseTurn();
            }
            if (failure != null) result.completeExceptionally(failure);
            else result.complete(value);
        });
        if (t == null) throw new java.util.concurrent.RejectedExecutionException("the state's thread factory gave no thread");
        t.start();
        return result;
    }

    // ---------------------------------------------------------------- the Lua library

    /**
     * Installs the Lua library {@code async} into L (the global {@code async}
     * and {@code package.loaded.async}); not installed by default, a host
     * opens it when it wants it:
     * <ul>
     * <li>{@code async.sleep(seconds)}: waits without blocking any thread;</li>
     * <li>{@code async.timeout(seconds, f, ...)}: calls {@code f(...)} and
     *     returns its results; a wait inside it (on this Lua thread) still
     *     pending when the time is up raises the error {@code timeout}.</li>
     * </ul>
     */
    public static LuaTable openLibrary(LuaState L) {
        LuaTable lib = new LuaTable();
        lib.rawset("sleep", function("async.sleep", (th, a) -> {
            Duration d = seconds(th, a, 1);
            return CompletableFuture.runAsync(() -> {},
                    CompletableFuture.delayedExecutor(d.toNanos(), TimeUnit.NANOSECONDS));
        }));
        lib.rawset("timeout", JavaFunction.of("async.timeout", (th, a) -> {
            Duration d = seconds(th, a, 1);
            Object f = org.luahost.vm.Args.checkAny(th, a, 2);
            Object[] args = a.length <= 2 ? LuaFunction.NONE : java.util.Arrays.copyOfRange(a, 2, a.length);
            return withTimeout(d, () -> Threads.call(th, f, args));
        }));
        L.setGlobal("async", lib);
        if (L.getGlobal("package") instanceof LuaTable pkg && pkg.rawget("loaded") instanceof LuaTable loaded) {
            loaded.rawset("async", lib);
        }
        return lib;
    }

    // ---------------------------------------------------------------- helpers

    private static <T> CompletableFuture<T> toFuture(CompletionStage<T> stage) {
        if (stage instanceof CompletableFuture<T> cf) return cf;
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            CompletableFuture<T> cf = new CompletableFuture<>();
            stage.whenComplete((v, x) -> {
                if (x != null) cf.completeExceptionally(x);
                else cf.complete(v);
            });
            return cf;
        }
    }

    /** The Lua error for a failed Java future or a Java exception in an async body. */
    static LuaError failure(LuaThread th, Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof LuaError le) return th.raise(le.value());
        String msg = e.getMessage();
        if (msg == null) msg = e instanceof CancellationException ? "cancelled" : e.getClass().getName();
        return th.raise(th.where(1) + LuaString.fromJava(msg));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE / 2;
        }
    }

    /** Seconds as a Lua number to a Duration (async.timeout, async.sleep); negative and NaN count as 0. */
    static Duration seconds(LuaThread th, Object[] a, int i) {
        double s = org.luahost.vm.Args.checkDouble(th, a, i);
        if (!(s > 0)) return Duration.ZERO;
        return Duration.ofNanos((long) Math.min(s * 1e9, Long.MAX_VALUE / 2.0));
    }
}
