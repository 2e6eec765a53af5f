package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;

import org.junit.jupiter.api.Test;

/**
 * The module's tests run under the collector `luahost serve` runs: every
 * {@code -XX} option of bin/serve.options has its value in this JVM (the
 * root pom's {@code serve.gc.options} feeds the test JVMs). The heap
 * ceiling's readings depend on the collector (AdmissionTest failed under
 * serve's G1 with 32 MB regions while this module ran default G1), so a
 * change of serve's collector must reach these tests too.
 */
class ServeCollectorTest {
    @Test
    void theTestJvmRunsServesCollectorOptions() throws IOException {
        Path options = Path.of(System.getProperty("luahost.root", ".."), "bin", "serve.options");
        List<String> xx = Files.readAllLines(options).stream().map(String::strip)
                .filter(l -> l.startsWith("-XX:")).toList();
        assertFalse(xx.isEmpty(), "no -XX options in " + options);
        HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String o : xx) {
            String body = o.substring(4);
            String name, want;
            if (body.startsWith("+") || body.startsWith("-")) {
                name = body.substring(1);
                want = String.valueOf(body.startsWith("+"));
            } else {
                name = body.substring(0, body.indexOf('='));
                want = String.valueOf(size(body.substring(body.indexOf('=') + 1)));
            }
            assertEquals(want, hs.getVMOption(name).getValue(), o + " of bin/serve.options is not in this JVM's options "
                    + "(the root pom's serve.gc.options)");
        }
    }

    /** A JVM size (32m, 4k, 1g, 100) in bytes. */
    static long size(String v) {
        char unit = Character.toLowerCase(v.charAt(v.length() - 1));
        long shift = switch (unit) { case 'k' -> 10; case 'm' -> 20; case 'g' -> 30; default -> 0; };
        return Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1)) << shift;
    }
}
