package org.luahost.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

import org.luahost.coroutines.Carrier;
import org.luahost.coroutines.Hosting;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * The {@link CoroutineBench} workloads timed by CPU time as well as wall
 * time, for a machine shared with other work (where wall-clock JMH figures
 * swing by ±100%). With the "carrier" scheduler every thread involved runs on
 * one {@link Carrier}, whose thread CPU time is exactly the cost; with
 * "shared" (the JDK's scheduler) the process CPU time is used. Medians of
 * 11 rounds after 5 warm-up rounds, each round {@code n} operations.
 *
 * <pre>
 * java -Djdk.trackAllThreads=false --add-opens=java.base/java.lang=ALL-UNNAMED -Xss1g \
 *      -cp "$(cat bench.cp)" org.luahost.bench.CoroutineCpuTime [carrier|shared] [n]
 * </pre>
 */
public final class CoroutineCpuTime {
    private CoroutineCpuTime() {}

    static volatile int turn;
    static volatile Thread ping;

    public static void main(String[] args) throws Exception {
        String scheduler = args.length > 0 ? args[0] : "carrier";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Carrier carrier = scheduler.equals("carrier") ? Carrier.start("bench-carrier", 1L << 30) : null;
        if (carrier != null && !Carrier.supported()) throw new IllegalStateException("java.lang not opened");
        ThreadFactory threads = carrier != null ? carrier.virtualThreads("bench") : Thread.ofVirtual().factory();
        var threadMx = ManagementFactory.getThreadMXBean();
        var osMx = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.util.function.LongSupplier cpu = carrier != null
                ? () -> threadMx.getThreadCpuTime(carrier.thread().threadId())
                : osMx::getProcessCpuTime;

        Thread pong = threads.newThread(() -> {
            for (;;) {
                while (turn != 1) LockSupport.park();
                turn = 0;
                LockSupport.unpark(ping);
            }
        });
        pong.setDaemon(true);
        pong.start();

        PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        LuaState L = LuaState.create(Profile.TRUSTED, out, out, new ByteArrayInputStream(new byte[0]));
        Hosting.of(L).threads(threads);
        Object[] fns = L.call(L.load(CoroutineBench.LUA, "=bench", "t", null));

        Runnable raw = () -> {
            ping = Thread.currentThread();
            for (int i = 0; i < n; i++) {
                turn = 1;
                LockSupport.unpark(pong);
                while (turn != 0) LockSupport.park();
            }
        };
        measure("raw virtual-thread hand-off", raw, threads, cpu, n);
        measure("Lua wrap call + yield", () -> L.call(fns[0], (long) n), threads, cpu, n);
        measure("Lua resume + yield", () -> L.call(fns[1], (long) n), threads, cpu, n);
        measure("Lua create + resume to end", () -> L.call(fns[2], (long) n), threads, cpu, n);
        measure("Lua create + yield once + end", () -> L.call(fns[3], (long) n), threads, cpu, n);
        System.exit(0);
    }

    private static void measure(String what, Runnable body, ThreadFactory threads, java.util.function.LongSupplier cpu, int n)
            throws InterruptedException {
        int rounds = 11, warm = 5;
        double[] c = new double[rounds], w = new double[rounds];
        for (int r = -warm; r < rounds; r++) {
            long c0 = cpu.getAsLong(), w0 = System.nanoTime();
            Thread t = threads.newThread(body);
            t.start();
            t.join();
            long c1 = cpu.getAsLong(), w1 = System.nanoTime();
            if (r < 0) continue;
            c[r] = (c1 - c0) / (double) n;
            w[r] = (w1 - w0) / (double) n;
        }
        Arrays.sort(c);
        Arrays.sort(w);
        System.out.printf("%-28s %6.0f ns CPU per op (%4.0f-%4.0f), %6.0f ns wall%n", what, c[rounds / 2], c[0], c[rounds - 1], w[rounds / 2]);
    }
}
