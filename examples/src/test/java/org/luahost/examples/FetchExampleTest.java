package org.luahost.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The fetch example runs its script to the end and prints what the service answered. */
class FetchExampleTest {
    @Test
    void theScriptReadsTheServiceSequentially() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = FetchExample.run(Path.of("fetch/fetch.lua"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("apple\t200\t3", "pear\t200\t4", "plum\t200\t2", "total\t9",
                "durian\t404\tno such item", "slow service\tfalse\ttimeout"), lines.subList(0, 6));
        assertTrue(lines.get(6).startsWith("wrong port\tfalse\t") && lines.get(6).contains("onnection refused"), lines.get(6));
        assertEquals(List.of("page\t1\talpha beta", "page\t2\tgamma delta", "page\t3\tepsilon"), lines.subList(7, 10));
        assertEquals(10, lines.size());
    }
}
