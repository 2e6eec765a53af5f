package org.luahost.vm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * Chains of 'and'/'or' compile in time linear in their length: the folding
 * of constant operands ({@code 1 and x}) asked each operator about the whole
 * chain below it, twice, so {@code return 1 and 1 and ... and 1} with 30
 * operators took 2 s and with 100 never ended (lua5.4: instant); chains on
 * a variable were quadratic (10^5 operators: minutes; now about a second).
 */
class LogicChainTest {
    private static Object run(String code) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        LuaState L = LuaState.builder().profile(Profile.SANDBOXED).stdout(out).stderr(out).build();
        return LuaFunction.first(L.call(L.load(code, "=t", "t", null)));
    }

    @Test
    void constantChainsFoldInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertEquals(1L, run("return 1" + " and 1".repeat(100)));
            assertEquals(2L, run("return nil" + " or nil".repeat(100) + " or 2"));
            assertEquals(3L, run("local x = 3 return x" + " and x".repeat(5_000)));
            assertEquals(false, run("local x = false return x" + " or x".repeat(5_000)));
            assertEquals(null, run("local x = 1 return x" + " and nil".repeat(5_000)));
        });
    }
}
