package org.luahost.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.persistence.TestStates.eval;
import static org.luahost.persistence.TestStates.fresh;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.vm.LuaState;

/**
 * Crash safety: a child JVM saves continuously and is killed with SIGKILL at
 * a random moment; the restored state must be exactly one state that was
 * saved (never a mixture) and no older than the last save the child saw
 * acknowledged. The same data directory is reused across kills, so each run
 * also restarts from whatever the previous kill left. Runs
 * {@code -Dluahost.crashKills=N} times (default 100, the proof).
 */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void killedWhileSavingLeavesTheLastAcknowledgedSaveRestorable() throws Exception {
        int kills = Integer.getInteger("luahost.crashKills", 100);
        SplittableRandom rnd = new SplittableRandom(Long.getLong("luahost.crashSeed", System.nanoTime()));
        String java = ProcessHandle.current().info().command().orElse("java");
        long previous = 0;
        for (int k = 0; k < kills; k++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xshare:auto",
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
