package org.luahost.vm.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * Runs the corpus case made for the second tier (hot code meeting metamethods,
 * errors, hooks, goto, changing __index chains) inside this JVM and compares
 * with lua5.4's output. The build runs the vm tests twice, once with
 * {@code -Dluahost.jit=0} (every block compiled on first use), so this checks
 * the interpreter, the compiled code, and the switch from one to the other.
 */
class HotPathsTest {
    @Test
    void hotPathsMatchTheReference() throws Exception {
        Path dir = Path.of("..", "tests", "corpus", "programs");
        Path lua = dir.resolve("jit_hot_paths.lua"), expected = dir.resolve("jit_hot_paths.out");
        assumeTrue(Files.isRegularFile(lua) && Files.isRegularFile(expected), "corpus not found");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        LuaState L = LuaState.create(Profile.TRUSTED, out, out, new ByteArrayInputStream(new byte[0]));
        String code = Files.readString(lua, StandardCharsets.ISO_8859_1);
        L.call(L.load(code, "@jit_hot_paths.lua", "t", null));
        out.flush();
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), buf.toString(StandardCharsets.UTF_8));
    }
}
