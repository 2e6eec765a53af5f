package org.luahost.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.luahost.persistence.Persister;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.StoredSnapshot;
import org.luahost.vm.LuaState;

/**
 * Store figures, as a plain main (the operations are I/O-bound and long
 * enough to time directly; medians of several rounds after a warm-up round):
 *
 * <ol>
 * <li>saves per second for 10,000 sessions saved at once (group commit:
 *     all saves handed to the store, then all futures awaited), and for
 *     comparison, 500 saves one after another (each waits for its commit);</li>
 * <li>restore time of a state whose snapshot is about 10 MB: load from the
 *     store, then a fresh state, attach and restore.</li>
 * </ol>
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath)" org.luahost.bench.StoreBench [dataDir]
 * </pre>
 */
public final class StoreBench {
    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("luahost-storebench");
        int rounds = 5;
        byte[][] snaps = new byte[10_000][];
        for (int i = 0; i < snaps.length; i++) {
            LuaState L = SerializerBench.fresh();
            Persister p = Persister.attach(L);
            L.call(L.load("local i = ... player = {id = i, name = 'player' .. i, hp = 100, inventory = {'sword', 'shield', i}, pos = {x = i * 1.5, y = -i}}",
                    "=s", "t", null), (long) i);
            snaps[i] = p.capture().bytes();
        }
        System.out.printf("snapshot size: %d bytes each%n", snaps[0].length);

        try (SessionStore store = SessionStore.sqlite(dir.resolve("group"))) {
            double[] rates = new double[rounds];
            for (int r = -1; r < rounds; r++) {
                long t0 = System.nanoTime();
                List<CompletableFuture<Long>> fs = new ArrayList<>(snaps.length);
                for (int i = 0; i < snaps.length; i++) fs.add(store.save("session-" + i, snaps[i]).toCompletableFuture());
                CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).get(10, TimeUnit.MINUTES);
                double s = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) rates[r] = snaps.length / s;
                System.out.printf("group commit, round %d: %d saves in %.3f s = %.0f saves/s%n", r, snaps.length, s, snaps.length / s);
            }
            System.out.printf("MEDIAN group commit: %.0f saves/s (10,000 sessions)%n", median(rates));
        }

        try (SessionStore store = SessionStore.sqlite(dir.resolve("serial"))) {
            double[] rates = new double[rounds];
            int n = 500;
            for (int r = -1; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) store.save("session-" + i, snaps[i]).toCompletableFuture().get(1, TimeUnit.MINUTES);
                double s = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) rates[r] = n / s;
                System.out.printf("one at a time, round %d: %d saves in %.3f s = %.0f saves/s%n", r, n, s, n / s);
            }
            System.out.printf("MEDIAN one at a time: %.0f saves/s%n", median(rates));
        }

        // a state of about 10 MB
        LuaState big = SerializerBench.fresh();
        Persister bp = Persister.attach(big);
        big.call(big.load("world = {} for i = 1, 75000 do world[i] = {id = i, name = 'room ' .. i, "
                + "description = ('room %d of the big world: '):format(i) .. string.rep('~', 40 + i % 20), exits = {i - 1, i + 1}, weight = i / 7} end",
                "=big", "t", null));
        byte[] bigSnap = bp.capture().bytes();
        System.out.printf("big snapshot: %.1f MB%n", bigSnap.length / 1e6);
        try (SessionStore store = SessionStore.sqlite(dir.resolve("big"))) {
            store.save("big", bigSnap).toCompletableFuture().get();
            double[] times = new double[rounds];
            for (int r = -2; r < rounds; r++) {
                long t0 = System.nanoTime();
                StoredSnapshot s = store.load("big").toCompletableFuture().get().orElseThrow();
                long t1 = System.nanoTime();
                LuaState L = SerializerBench.fresh();
                Persister.attach(L).restore(s.bytes());
                long t2 = System.nanoTime();
                if (r >= 0) times[r] = (t2 - t0) / 1e6;
                System.out.printf("restore 10 MB, round %d: load %.1f ms + new state and restore %.1f ms = %.1f ms%n",
                        r, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6);
            }
            System.out.printf("MEDIAN restore of a %.1f MB state: %.1f ms%n", bigSnap.length / 1e6, median(times));
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
