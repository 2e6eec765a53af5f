package org.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Runs the example's main: a session called from Java, then the verticle deployed, asked and undeployed. */
class MainTest {
    @Test
    void mainRunsASessionAndTheVerticle() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        assertEquals("""
                hello, bob (2) from Lua 5.4
                verticle: hello, cid (1)
                verticle undeployed
                javax.script: hello, dee (1)
                """, bytes.toString(StandardCharsets.UTF_8));
    }
}
