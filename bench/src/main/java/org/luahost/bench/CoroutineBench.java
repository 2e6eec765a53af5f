package org.luahost.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import java.util.concurrent.ThreadFactory;

import org.luahost.coroutines.Carrier;
import org.luahost.coroutines.Hosting;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The coroutine switch: a Lua resume/yield round trip next to the raw
 * virtual-thread hand-off it is built on (a volatile flag plus
 * {@link LockSupport#park}/{@link LockSupport#unpark} between two virtual
 * threads), and the cost of creating and finishing a coroutine.
 *
 * <p>Each invocation runs a batch of {@value #BATCH} operations on a fresh
 * virtual thread of the chosen scheduler (Lua code and coroutines always run
 * on virtual threads), so
 * the platform thread JMH measures from does not take part in the hand-offs;
 * starting that thread costs a few microseconds per batch, well under 1 ns
 * per operation.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar CoroutineBench}, or
 * with the classes on the class path: {@code java -cp ... org.openjdk.jmh.Main CoroutineBench}.
 * The fork uses the options {@code ./luahost} uses for coroutines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss1g", "-Djdk.trackAllThreads=false", "-Djdk.virtualThreadScheduler.parallelism=1",
        "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class CoroutineBench {
    static final int BATCH = 10_000;

    /** Returns three loops (n): wrap calls of a generator, resumes of a coroutine, create-and-finish. */
    static final String LUA = """
                local yield = coroutine.yield
                local gen = coroutine.wrap(function() while true do yield() end end)
                local co = coroutine.create(function() while true do yield() end end)
                local resume = coroutine.resume
                local create = coroutine.create
                local function body(x) return x end
                local function once(x) local y = yield(x) return x + y end
                return function(n) for i = 1, n do gen() end end,
                       function(n) for i = 1, n do resume(co) end end,
                       function(n) for i = 1, n do resume(create(body), i) end end,
                       function(n) for i = 1, n do local c = create(once) resume(c, i) resume(c, 1) end end
                """;

    /**
     * Where the virtual threads run: "carrier", one {@link Carrier} thread for
     * all of them (what {@code ./luahost lua} does); "shared", the JDK's
     * scheduler (with parallelism 1 in this fork, its best case for hand-offs).
     */
    @Param({"carrier", "shared"})
    public String scheduler;

    private Carrier carrier;
    private ThreadFactory threads;

    // ---------------------------------------------------------------- raw hand-off

    private volatile int turn;
    private volatile boolean stop;
    private Thread pong;
    private Thread ping;

    // ---------------------------------------------------------------- Lua

    private LuaState L;
    private LuaFunction wrapLoop, resumeLoop, createLoop, createYieldLoop;

    @Setup(Level.Trial)
    public void setup() {
        if (scheduler.equals("carrier")) {
            if (!Carrier.supported()) throw new IllegalStateException("Carrier not supported: java.lang not opened");
            carrier = Carrier.start("bench-carrier", 1L << 30);
            threads = carrier.virtualThreads("bench");
        } else {
            threads = Thread.ofVirtual().name("bench-", 0).factory();
        }
        pong = threads.newThread(() -> {
            while (!stop) {
                while (turn != 1) {
                    if (stop) return;
                    LockSupport.park(this);
                }
                turn = 0;
                LockSupport.unpark(ping);
            }
        });
        pong.start();
        PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        L = LuaState.create(Profile.TRUSTED, out, out, new ByteArrayInputStream(new byte[0]));
        Hosting.of(L).threads(threads);
        Object[] fns = L.call(L.load(LUA, "=bench", "t", null));
        wrapLoop = (LuaFunction) fns[0];
        resumeLoop = (LuaFunction) fns[1];
        createLoop = (LuaFunction) fns[2];
        createYieldLoop = (LuaFunction) fns[3];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        stop = true;
        LockSupport.unpark(pong);
        pong.join();
        if (carrier != null) carrier.close();
    }

    private void onVirtualThread(Runnable r) {
        try {
            Thread t = threads.newThread(r);
            t.start();
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round trip: flag + unpark the other virtual thread, park until it answers. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawVirtualThreadHandOff() {
        onVirtualThread(() -> {
            ping = Thread.currentThread();
            for (int i = 0; i < BATCH; i++) {
                turn = 1;
                LockSupport.unpark(pong);
                while (turn != 0) LockSupport.park(this);
            }
        });
    }

    /** One round trip: a call of a coroutine.wrap function that yields once. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void luaWrapResumeYield() {
        onVirtualThread(() -> L.call(wrapLoop, (long) BATCH));
    }

    /** One round trip: coroutine.resume of a coroutine that yields once. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void luaResumeYield() {
        onVirtualThread(() -> L.call(resumeLoop, (long) BATCH));
    }

    /** coroutine.create of a function that returns at once, and one resume that finishes it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void luaCreateAndFinish() {
        onVirtualThread(() -> L.call(createLoop, (long) BATCH));
    }

    /** coroutine.create, a resume to its one yield and a resume to its end (bench/programs/coroutine_create.lua's shape). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void luaCreateYieldOnceAndFinish() {
        onVirtualThread(() -> L.call(createYieldLoop, (long) BATCH));
    }
}
