package org.luahost.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import org.luahost.persistence.Persister;
import org.luahost.vm.LuaState;

/**
 * The {@link SerializerBench} workload timed by the thread's CPU time as well
 * as wall time: on a machine shared with other work, CPU time shows what the
 * serializer costs when it gets the core. Medians of 10 runs after 5 warm-up runs.
 *
 * <pre>
 * java -Xmx4g -cp "$(cat bench/target/classpath)" org.luahost.bench.SerializerCpuTime [entries]
 * </pre>
 */
public final class SerializerCpuTime {
    private SerializerCpuTime() {}

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LuaState L = SerializerBench.fresh();
        Persister p = Persister.attach(L);
        L.call(L.load("local n = ... records = {} for i = 1, n // 4 do records[i] = {id = i, name = 'item' .. i % 1000, score = i * 0.5} end",
                "=setup", "t", null), (long) entries);
        byte[] snap = p.capture().bytes();
        int runs = 10, warm = 5;
        double[] encCpu = new double[runs], encWall = new double[runs], decCpu = new double[runs], decWall = new double[runs];
        for (int r = -warm; r < runs; r++) {
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            p.capture();
            long c1 = mx.getCurrentThreadCpuTime(), w1 = System.nanoTime();
            LuaState R = SerializerBench.fresh();
            long c2 = mx.getCurrentThreadCpuTime(), w2 = System.nanoTime();
            Persister.attach(R).restore(snap);
            long c3 = mx.getCurrentThreadCpuTime(), w3 = System.nanoTime();
            if (r < 0) continue;
            encCpu[r] = (c1 - c0) / 1e6; encWall[r] = (w1 - w0) / 1e6;
            decCpu[r] = (c3 - c2) / 1e6; decWall[r] = (w3 - w2) / 1e6;
        }
        double mb = snap.length / 1e6;
        report("capture", median(encCpu), median(encWall), mb, entries);
        report("restore", median(decCpu), median(decWall), mb, entries);
    }

    private static void report(String what, double cpuMs, double wallMs, double mb, int entries) {
        System.out.printf("%s: %.0f ms CPU (%.0f MB/s, %.2f M entries/s), %.0f ms wall; snapshot %.1f MB, %d entries%n",
                what, cpuMs, mb / (cpuMs / 1e3), entries / (cpuMs / 1e3) / 1e6, wallMs, mb, entries);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
