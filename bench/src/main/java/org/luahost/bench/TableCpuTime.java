package org.luahost.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * The {@link TableBench} workloads timed by the CPU time of the thread that
 * runs them, for a machine shared with other work (where wall-clock JMH
 * figures swing by several times). Per workload: 20 warm-up batches, then
 * the median of 11 rounds of 5 batches, in nanoseconds of CPU per operation
 * (JIT compiler threads are not counted: this is the steady state).
 *
 * <pre>
 * java -Xss1g -XX:+UseSerialGC -cp "$(cat bench.cp)" org.luahost.bench.TableCpuTime
 * </pre>
 */
public final class TableCpuTime {
    private TableCpuTime() {}

    static final String[] NAMES = {"fieldGet", "fieldSet", "methodDepth1", "methodDepth3", "globalCall", "concatLoop", "concatChain"};

    public static void main(String[] args) {
        var mx = ManagementFactory.getThreadMXBean();
        PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        LuaState L = LuaState.create(Profile.TRUSTED, out, out, new ByteArrayInputStream(new byte[0]));
        Object[] fns = L.call(L.load(TableBench.LUA, "=bench", "t", null));
        long n = TableBench.BATCH;
        for (int w = 0; w < NAMES.length; w++) {
            LuaFunction f = (LuaFunction) fns[w];
            for (int i = 0; i < 20; i++) L.call(f, n);
            double[] r = new double[11];
            for (int k = 0; k < r.length; k++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < 5; i++) L.call(f, n);
                r[k] = (mx.getCurrentThreadCpuTime() - t0) / (5.0 * n);
            }
            Arrays.sort(r);
            System.out.printf("%-13s %8.2f ns CPU/op (min %.2f, max %.2f)%n", NAMES[w], r[5], r[0], r[10]);
        }
    }
}
