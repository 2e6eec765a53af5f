package org.luahost.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.persistence.TestStates.eval;
import static org.luahost.persistence.TestStates.fresh;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.vm.LuaState;

/**
 * Crash safety: a child JVM saves continuously and is killed with SIGKILL at
 * a random moment; the restored state must be exactly one state that was
 * saved (never a mixture) and no older than the last save the child saw
 * acknowledged. Each lane reuses its data directory across kills, so each run
 * also restarts from whatever the previous kill left. Runs
 * {@code -Dluahost.crashKills=N} kills in all (default 100, the issue's
 * proof), shared by {@code -Dluahost.crashLanes=L} lanes (default 2) that run
 * side by side, each with its own directory and child: a child spends most of
 * its life starting its JVM, so two lanes halve the test's wall time on two
 * cores without weakening any kill.
 */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void killedWhileSavingLeavesTheLastAcknowledgedSaveRestorable() throws Exception {
        int kills = Integer.getInteger("luahost.crashKills", 100);
        int lanes = Math.max(1, Math.min(kills, Integer.getInteger("luahost.crashLanes", 2)));
        long seed = Long.getLong("luahost.crashSeed", System.nanoTime());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int laneKills = kills / lanes + (lane < kills % lanes ? 1 : 0);
            Path laneDir = Files.createDirectories(dir.resolve("lane" + lane));
            SplittableRandom rnd = new SplittableRandom(seed + lane);
            String name = "crash-lane-" + lane;
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    killRepeatedly(laneDir, laneKills, rnd);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, r -> Thread.ofPlatform().name(name).start(r)));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) throw err;          // an assertion of a lane
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    /** Starts, kills and checks {@code kills} children one after the other on {@code dir}. */
    private static void killRepeatedly(Path dir, int kills, SplittableRandom rnd) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        long previous = 0;
        for (int k = 0; k < kills; k++) {
            // C1 only: the child lives well under a second, where C2's compilations cost more than they save
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    CrashChild.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AtomicLong lastAck = new AtomicLong(-1);
            Thread readerThread = Thread.ofPlatform().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("ACK ")) lastAck.set(Long.parseLong(line.substring(4)));
                    }
                } catch (java.io.IOException e) {
                    // the child died
                }
            });
            // wait for the first acknowledgement, then kill at a random moment within the next 300 ms
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lastAck.get() < 1 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(lastAck.get() >= 1, "the child never acknowledged a save");
            Thread.sleep(rnd.nextInt(300));
            long ackedBeforeKill = lastAck.get();
            child.destroyForcibly();   // SIGKILL on Unix
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            readerThread.join();
            long acked = Math.max(ackedBeforeKill, lastAck.get());
            assertTrue(acked > previous, "each child continues from the state the previous one saved");
            previous = acked;

            try (SessionStore store = SessionStore.sqlite(dir)) {
                StoredSnapshot s = store.load("crash").toCompletableFuture().get(30, TimeUnit.SECONDS).orElseThrow();
                assertEquals(List.of(), s.warnings());
                LuaState L = fresh();
                Persister.attach(L).restore(s.bytes());
                long n = (Long) eval(L, "n");
                assertTrue(n >= acked, "restored state " + n + " is older than the acknowledged save " + acked);
                assertEquals(Boolean.TRUE, eval(L, "#log == n and check == n * (n + 1) // 2 and #blob == 1000 + n % 5000"),
                        "restored state " + n + " is not a state that was saved");
            }
        }
    }
}
