import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import org.luahost.coroutines.Carrier;

/**
 * The floor of two designs for a Lua coroutine switch, measured in one run by
 * process CPU time (issue 14): the raw virtual-thread hand-off luahost's
 * coroutines build on (two virtual threads on one {@link Carrier}, ping-pong
 * with park/unpark), and the JDK's internal one-shot continuations
 * ({@code jdk.internal.vm.Continuation}: run/yield on the resumer's own thread,
 * no scheduler, no park/unpark) that virtual threads are made of. Not part of
 * the build (it needs java.base's internals exported); run by hand:
 * <pre>
 * CP=coroutines/target/luahost-coroutines-0.1.0-SNAPSHOT.jar:vm/target/luahost-vm-0.1.0-SNAPSHOT.jar
 * X="--add-exports java.base/jdk.internal.vm=ALL-UNNAMED"
 * javac $X -cp $CP -d /tmp/cf bench/continuation/ContinuationFloor.java
 * java $X --add-opens java.base/java.lang=ALL-UNNAMED -Djdk.trackAllThreads=false -XX:+UseSerialGC \
 *      -cp /tmp/cf:$CP ContinuationFloor 2000000
 * </pre>
 */
public class ContinuationFloor {
    static final ContinuationScope LUA = new ContinuationScope("lua");
    static long sink;
    static volatile int turn;

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One continuation resumed n times; each run ends in a yield: a Lua resume + yield's switch pair. */
    static double continuationRoundTrip(int n) {
        Continuation c = new Continuation(LUA, () -> { for (;;) { sink++; Continuation.yield(LUA); } });
        long t0 = cpu();
        for (int i = 0; i < n; i++) c.run();
        return (cpu() - t0) / (double) n;
    }

    /** n continuations created, run to a yield, run to their end: coroutine_create.lua's shape. */
    static double continuationCreate(int n) {
        long t0 = cpu();
        for (int i = 0; i < n; i++) {
            Continuation c = new Continuation(LUA, () -> { sink++; Continuation.yield(LUA); sink++; });
            c.run();
            c.run();
        }
        return (cpu() - t0) / (double) n;
    }

    /** Two virtual threads on one carrier handing a turn back and forth n times (park/unpark). */
    static double virtualThreadRoundTrip(int n, ThreadFactory f) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread[] ts = new Thread[2];
        double[] r = new double[1];
        ts[1] = f.newThread(() -> {
            for (;;) {
                while (turn != 1) LockSupport.park();
                turn = 0;
                LockSupport.unpark(ts[0]);
            }
        });
        ts[0] = f.newThread(() -> {
            long t0 = cpu();
            for (int i = 0; i < n; i++) {
                turn = 1;
                LockSupport.unpark(ts[1]);
                while (turn != 0) LockSupport.park();
            }
            r[0] = (cpu() - t0) / (double) n;
            done.countDown();
        });
        ts[1].start();
        ts[0].start();
        done.await();
        return r[0];
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Carrier carrier = Carrier.start("lua", 1 << 20);
        ThreadFactory f = carrier.virtualThreads("lua");
        System.out.println("ns of process CPU per operation: vthread round trip | continuation round trip | continuation create+yield+end");
        for (int round = 0; round < 7; round++) {
            double vt = virtualThreadRoundTrip(n, f);
            double[] c = new double[2];
            Thread t = f.newThread(() -> { c[0] = continuationRoundTrip(n); c[1] = continuationCreate(n / 4); });
            t.start();
            t.join();
            System.out.printf("%6.0f | %6.0f | %6.0f%n", vt, c[0], c[1]);
        }
        System.exit(0);
    }
}
