package org.luahost.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;

import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.cluster.ClusterOptions;
import org.luahost.scheduler.cluster.Clusters;

/**
 * Calls that stay on their node vs calls that cross nodes (issue 17): three
 * clustered hosts in this JVM (Hazelcast and the event bus over loopback
 * TCP), sessions without a store; from node 0, a closed loop of
 * {@code concurrency} outstanding {@code LuaHost.call}s to sessions that
 * live on node 0 (local) or on nodes 1 and 2 (crossing: JSON over the
 * clustered event bus), for {@code seconds} after as long a warm-up.
 * Prints calls/s and p50/p99 latency of each kind.
 *
 * <p>Usage: {@code bench/cluster.sh [seconds] [concurrency]} (default 5, 32).
 */
public final class ClusterBench {
    private ClusterBench() {}

    static final Script SCRIPT = Script.of("bench.lua", "n = 0\nfunction hit(x) n = n + 1 return x end\n");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        List<String> join = new ArrayList<>();
        int[] ports = new int[3];
        for (int i = 0; i < 3; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                ports[i] = s.getLocalPort();
            }
            join.add("127.0.0.1:" + ports[i]);
        }
        List<Vertx> vertxes = new ArrayList<>();
        List<LuaHost> hosts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Vertx v = Clusters.start(new ClusterOptions().port(ports[i]).join(join)).await();
            vertxes.add(v);
            LuaHost h = LuaHost.create(v, new HostOptions().defaultScript(SCRIPT).cluster(new ClusterOptions())
                    .output(new PrintStream(new ByteArrayOutputStream())));
            h.ready().await();
            hosts.add(h);
        }
        while (((io.vertx.core.internal.VertxInternal) vertxes.get(0)).clusterManager().getNodes().size() < 3) Thread.sleep(50);
        List<String> local = new ArrayList<>(), remote = new ArrayList<>();
        for (int s = 0; local.size() < 50 || remote.size() < 50; s++) {
            String id = "b" + s;
            hosts.get(0).call(id, "hit", 1).await();
            if (hosts.get(0).find(id) != null) {
                if (local.size() < 50) local.add(id);
            } else if (remote.size() < 50) {
                remote.add(id);
            }
        }
        for (int round = 0; round < 2; round++) {   // the first round is the warm-up
            for (String kind : List.of("local", "crossing")) {
                List<String> ids = kind.equals("local") ? local : remote;
                long[] r = run(hosts.get(0), ids, seconds, concurrency);
                if (round == 1) {
                    System.out.printf("%-9s %8.0f calls/s  p50 %6.3f ms  p99 %6.3f ms  (%d calls, %d outstanding)%n",
                            kind, r[0] * 1.0 / seconds, r[1] / 1e6, r[2] / 1e6, r[0], concurrency);
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            hosts.get(i).close().await();
            vertxes.get(i).close().await();
        }
    }

    /** {calls, p50 ns, p99 ns} of a closed loop of concurrency calls over ids for seconds. */
    private static long[] run(LuaHost host, List<String> ids, int seconds, int concurrency) throws Exception {
        long[] lat = new long[4_000_000];
        AtomicInteger n = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int c = 0; c < concurrency; c++) loop(host, ids, c, lat, n, stop, done);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        int calls = n.get(), kept = Math.min(calls, lat.length);   // latencies of the first 4 M calls
        long[] l = Arrays.copyOf(lat, kept);
        Arrays.sort(l);
        return new long[] {calls, l[kept / 2], l[(int) (kept * 0.99)]};
    }

    private static void loop(LuaHost host, List<String> ids, int c, long[] lat, AtomicInteger n, AtomicBoolean stop,
            CountDownLatch done) {
        if (stop.get()) {
            done.countDown();
            return;
        }
        long t0 = System.nanoTime();
        host.call(ids.get(c % ids.size()), "hit", c).onComplete(ar -> {
            int i = n.getAndIncrement();
            if (i < lat.length) lat[i] = System.nanoTime() - t0;
            loop(host, ids, c + 1, lat, n, stop, done);
        });
    }
}
