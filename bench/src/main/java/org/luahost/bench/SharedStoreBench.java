package org.luahost.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.luahost.persistence.Persister;
import org.luahost.persistence.SessionStore;
import org.luahost.vm.LuaState;

/**
 * Saves per second and save latency, PostgreSQL (group commit, with and
 * without fencing tokens) against SQLite (group commit, WAL,
 * {@code synchronous=FULL}), as a plain main: C sessions save concurrently,
 * each in a closed loop (save, wait until durable, save again) for a fixed
 * time after a warm-up, so that C saves are outstanding at any moment; C = 1
 * shows a commit per save, larger C how the group commit batches them.
 *
 * <pre>
 * eval "$(tests/pg/start.sh)"
 * java --enable-native-access=ALL-UNNAMED -cp "$(cat bench/target/classpath)" org.luahost.bench.SharedStoreBench \
 *     [postgresql://user:password@host/db (default $LUAHOST_TEST_PG)] [seconds per case, default 5]
 * </pre>
 *
 * <p>The PostgreSQL runs use sessions of their own ({@code bench-<time>-...})
 * and delete them at the end; SQLite runs in a temporary folder.
 */
public final class SharedStoreBench {
    private SharedStoreBench() {}

    private record Result(double savesPerSecond, double p50Ms, double p99Ms, long saves) {}

    public static void main(String[] args) throws Exception {
        String uri = args.length > 0 ? args[0] : System.getenv("LUAHOST_TEST_PG");
        if (uri == null) throw new IllegalArgumentException("give a postgresql:// URI or set LUAHOST_TEST_PG (tests/pg/start.sh)");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        byte[] snap = snapshot();
        System.out.printf("snapshot size: %d bytes; %.0f s per case after 2 s of warm-up%n", snap.length, seconds);
        String run = "bench-" + System.currentTimeMillis();
        int[] concurrency = {1, 16, 128, 512};
        Path dir = Files.createTempDirectory("luahost-sharedstorebench");
        System.out.printf("%-22s %6s %12s %10s %10s%n", "store", "C", "saves/s", "p50 ms", "p99 ms");
        for (int c : concurrency) {
            try (SessionStore s = SessionStore.sqlite(dir.resolve("c" + c))) {
                print("sqlite", c, measure(s, c, snap, "s", seconds, null));
            }
            try (SessionStore s = SessionStore.postgresql(uri)) {
                print("postgresql", c, measure(s, c, snap, run + "-p" + c, seconds, null));
                print("postgresql fenced", c, measure(s, c, snap, run + "-f" + c, seconds, s::claim));
                for (int i = 0; i < c; i++) {
                    s.delete(run + "-p" + c + "-" + i);
                    s.delete(run + "-f" + c + "-" + i);
                }
            }
        }
    }

    private static void print(String store, int c, Result r) {
        System.out.printf("%-22s %6d %12.0f %10.2f %10.2f   (%d saves)%n", store, c, r.savesPerSecond(), r.p50Ms(), r.p99Ms(), r.saves());
    }

    /** A player's state, as in StoreBench. */
    private static byte[] snapshot() {
        LuaState L = SerializerBench.fresh();
        Persister p = Persister.attach(L);
        L.call(L.load("player = {id = 7, name = 'player7', hp = 100, inventory = {'sword', 'shield', 7}, pos = {x = 10.5, y = -7}}",
                "=s", "t", null));
        return p.capture().bytes();
    }

    /**
     * c sessions, each saving in a closed loop; claim, when not null, gives
     * each session a token first and every save carries it.
     */
    private static Result measure(SessionStore store, int c, byte[] snap, String prefix, double seconds,
                                  Function<String, java.util.concurrent.CompletionStage<Long>> claim) throws Exception {
        long[] fences = new long[c];
        if (claim != null) {
            for (int i = 0; i < c; i++) fences[i] = claim.apply(prefix + "-" + i).toCompletableFuture().get(1, TimeUnit.MINUTES);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean recording = new AtomicBoolean();
        List<List<Long>> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(c);
        for (int i = 0; i < c; i++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            loop(store, prefix + "-" + i, snap, claim != null, fences[i], stop, recording, mine, done);
        }
        Thread.sleep(2000);
        recording.set(true);
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        recording.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        if (!done.await(2, TimeUnit.MINUTES)) throw new IllegalStateException("saves did not finish");
        long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
        Arrays.sort(all);
        if (all.length == 0) throw new IllegalStateException("no save completed while recording");
        return new Result(all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length);
    }

    /** One session's closed loop: the next save starts when the previous one is durable. */
    private static void loop(SessionStore store, String session, byte[] snap, boolean fenced, long fence, AtomicBoolean stop,
                             AtomicBoolean recording, List<Long> latencies, CountDownLatch done) {
        if (stop.get()) {
            done.countDown();
            return;
        }
        long start = System.nanoTime();
        boolean counted = recording.get();
        CompletableFuture<Long> f = (fenced ? store.save(session, snap, fence) : store.save(session, snap)).toCompletableFuture();
        f.whenComplete((seq, e) -> {
            if (e != null) {
                System.err.println("save failed: " + e);
                stop.set(true);
            } else if (counted && recording.get()) {
                latencies.add(System.nanoTime() - start);
            }
            loop(store, session, snap, fenced, fence, stop, recording, latencies, done);
        });
    }
}
