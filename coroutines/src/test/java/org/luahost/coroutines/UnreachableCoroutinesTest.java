package org.luahost.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Suspended coroutines that Lua code can no longer reach give their virtual
 * thread and memory back: a million coroutines that each yield once and are
 * dropped leave live threads and heap bounded.
 */
class UnreachableCoroutinesTest {

    /**
     * The configuration ./luahost runs with ({@code -Djdk.trackAllThreads=false}):
     * a million plain coroutines, then self-referencing ones (the coroutine's
     * own stack holds its handle) and wrap generators, each yielding once and
     * dropped, in a child JVM whose heap (256 MB) could not hold them.
     */
    @Test
    void aMillionDroppedCoroutinesLeaveThreadsAndHeapBounded() throws Exception {
        List<String> out = childJvm("-Djdk.trackAllThreads=false", "1000000", "200000", "100000", "100000", "1000", "64");
        String last = out.get(out.size() - 1);
        System.out.println("[1.3M dropped coroutines in a child JVM, trackAllThreads=false] " + last);
        assertTrue(last.startsWith("maxLive="), String.join("\n", out));
    }

    /** The same with every Lua thread on one {@link Carrier} (the custom scheduler holds no parked thread). */
    @Test
    void aMillionDroppedCoroutinesOnACarrierLeaveThreadsAndHeapBounded() throws Exception {
        List<String> out = childJvm(List.of("-Djdk.trackAllThreads=false", "-Dchurn.carrier=true",
                "--add-opens=java.base/java.lang=ALL-UNNAMED"), "1000000", "200000", "100000", "100000", "1000", "64");
        String last = out.get(out.size() - 1);
        System.out.println("[1.3M dropped coroutines on a carrier in a child JVM, trackAllThreads=false] " + last);
        assertTrue(last.startsWith("maxLive="), String.join("\n", out));
    }

    /**
     * In this JVM, with the JDK's default (every virtual thread is tracked for
     * thread dumps, so the reaper must end the parked threads of lost
     * coroutines). Self-referencing coroutines are not released in this mode
     * (their own tracked thread keeps their handle reachable), so none here.
     */
    @Test
    void withTrackedVirtualThreadsTheReaperEndsLostCoroutines() throws IOException {
        Churn.Result r = Churn.run(300_000, 0, 100_000, 100_000, Duration.ofSeconds(600));
        System.out.println("[400k dropped coroutines, trackAllThreads default] " + r);
        assertEquals(400_000, r.counters()[0], "threads started");
        assertTrue(r.lastLive() <= 1_000, "live coroutine threads after GC: " + r);
        assertTrue(r.maxLive() <= 20_000, "live coroutine threads at a sample: " + r);
        assertTrue(r.maxHeapGrowth() <= 64L << 20, "heap growth: " + r);
        // independent of our counters: the JDK's own thread dump lists the virtual threads still alive
        long inDump = coroutineThreadsInThreadDump();
        assertTrue(inDump <= 1_000, "virtual threads named lua-thread in a thread dump: " + inDump);
    }

    /** The thread-dump check above is not vacuous: it does see suspended coroutines that are still reachable. */
    @Test
    void aThreadDumpListsReachableSuspendedCoroutines() throws IOException {
        LuaRun r = new LuaRun();
        r.run("""
                keep = {}
                for i = 1, 2000 do keep[i] = coroutine.create(coroutine.yield); coroutine.resume(keep[i]) end
                """, Duration.ofSeconds(60));
        assertTrue(coroutineThreadsInThreadDump() >= 2000);
        assertEquals(2000, CoroutineLibrary.liveThreads(r.L));
        java.lang.ref.Reference.reachabilityFence(r);
    }

    static long coroutineThreadsInThreadDump() throws IOException {
        Path file = Files.createTempFile("threads", ".json");
        Files.delete(file);
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            String json = Files.readString(file);
            long n = 0;
            for (int i = json.indexOf("lua-thread"); i >= 0; i = json.indexOf("lua-thread", i + 1)) n++;
            return n;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs Churn in a child JVM with the given option and arguments; fails unless it exits 0 in time. */
    static List<String> childJvm(String option, String... args) throws Exception {
        return childJvm(List.of(option), args);
    }

    static List<String> childJvm(List<String> options, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-Xss512m");
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Churn.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 300 s");
        }
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, p.exitValue(), "child JVM " + cmd + " failed:\n" + String.join("\n", lines));
        return lines;
    }
}
