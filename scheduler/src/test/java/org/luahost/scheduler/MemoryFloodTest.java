package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The memory proof of issue 13: in a JVM with a 256 MB heap, ten sessions
 * with a 6 MB limit each try to allocate without end in every way
 * ({@link MemoryFloodChild#SCRIPT}: doubling concatenation, string.rep,
 * table.concat, gsub growth, array and hash tables, closures, load of a huge
 * source and of many sources, coroutines, string.pack, format, upper,
 * tostring), inside a pcall and unprotected. Every attack ends with "not
 * enough memory", another session keeps answering pings, the live heap
 * (sampled after a full collection every 250 ms) stays under the host's
 * ceiling (0.85 of the heap), no
 * OutOfMemoryError is seen anywhere and the host closes cleanly.
 */
class MemoryFloodTest {
    @Test
    void tenSessionsFloodingMemoryStayUnderTheCeiling() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xss512m", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), MemoryFloodChild.class.getName());
        File log = File.createTempFile("memflood", ".log");
        log.deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(15, TimeUnit.MINUTES);   // a guard against a hang, not a timing check
        if (!ended) p.destroyForcibly();
        String out = java.nio.file.Files.readString(log.toPath(), StandardCharsets.ISO_8859_1);
        assertTrue(ended, "the child did not end; its output:\n" + tail(out));
        assertEquals(0, p.exitValue(), tail(out));
        assertTrue(out.contains("\nDONE"), tail(out));
        assertFalse(out.contains("OutOfMemoryError"), tail(out));
        assertFalse(out.contains("out of memory"), tail(out));   // the scheduler's warning for an OOM it caught
        assertFalse(out.contains("FAIL"), tail(out));
        long pings = Long.parseLong(field(out, "PINGS"));
        assertTrue(pings > 0, "no ping answered");
        String[] heap = field(out, "MAXHEAP").split(" ");
        long max = Long.parseLong(heap[0]), ceiling = Long.parseLong(heap[2]);
        assertTrue(max > 0 && max < ceiling, "live heap at most " + (max >> 20) + " MB, ceiling "
                + (ceiling >> 20) + " MB");
        System.out.println("memory flood: " + field(out, "ATTACKS") + " attacks x 10 sessions, " + pings
                + " pings, live heap at most " + (max >> 20) + " MB of a ceiling of " + (ceiling >> 20) + " MB");
    }

    private static String field(String out, String name) {
        for (String line : out.split("\n")) if (line.startsWith(name + " ")) return line.substring(name.length() + 1).strip();
        throw new AssertionError("no " + name + " line in:\n" + tail(out));
    }

    private static String tail(String s) { return s.length() > 8000 ? s.substring(s.length() - 8000) : s; }
}
