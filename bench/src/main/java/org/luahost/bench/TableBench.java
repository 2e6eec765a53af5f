package org.luahost.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Table access by constant string key and string building, in isolation
 * (issue 14): a field read, a field write, a method call through an
 * {@code __index} chain of depth 1 and of depth 3, a global function call,
 * and {@code s = s .. x} plus a four-part {@code ..} chain. Each invocation
 * runs a Lua loop of {@value #BATCH} operations over a small population of
 * objects of the same layout, so the figure is per operation, loop included,
 * in whichever tier the loop has reached (the compiled one after warm-up).
 *
 * <p>Run: {@code java -cp "$CP" org.openjdk.jmh.Main TableBench} (see
 * bench/README.md for the class path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss1g", "-XX:+UseSerialGC"})
public class TableBench {
    static final int BATCH = 100_000;

    static final String LUA = """
            local Base = {}; Base.__index = Base
            function Base.new(x) return setmetatable({x = x, y = 0, name = "b", n = 0}, Base) end
            function Base:get() return self.x end
            local Mid = setmetatable({}, Base); Mid.__index = Mid
            local Leaf = setmetatable({}, Mid); Leaf.__index = Leaf
            local objs, deep = {}, {}
            for i = 1, 8 do
              objs[i] = Base.new(i)
              deep[i] = setmetatable({x = i, y = 0, name = "l", n = 0}, Leaf)
            end
            function gf(x) return x end
            local function fieldGet(n)
              local s = 0
              for i = 1, n do s = s + objs[(i & 7) + 1].x end
              return s
            end
            local function fieldSet(n)
              for i = 1, n do objs[(i & 7) + 1].y = i end
            end
            local function method1(n)
              local s = 0
              for i = 1, n do s = s + objs[(i & 7) + 1]:get() end
              return s
            end
            local function method3(n)
              local s = 0
              for i = 1, n do s = s + deep[(i & 7) + 1]:get() end
              return s
            end
            local function globalCall(n)
              local s = 0
              for i = 1, n do s = s + gf(i) end
              return s
            end
            local function concatLoop(n)
              local total = 0
              for j = 1, n // 100 do
                local s = ""
                for i = 1, 100 do s = s .. "x" end
                total = total + #s
              end
              return total
            end
            local function concatChain(n)
              local total = 0
              for i = 1, n do
                local s = "a" .. i .. "b" .. "c"
                total = total + #s
              end
              return total
            end
            return fieldGet, fieldSet, method1, method3, globalCall, concatLoop, concatChain
            """;

    private LuaState L;
    private LuaFunction fieldGet, fieldSet, method1, method3, globalCall, concatLoop, concatChain;

    @Setup
    public void setup() {
        PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        L = LuaState.create(Profile.TRUSTED, out, out, new ByteArrayInputStream(new byte[0]));
        Object[] fns = L.call(L.load(LUA, "=bench", "t", null));
        fieldGet = (LuaFunction) fns[0];
        fieldSet = (LuaFunction) fns[1];
        method1 = (LuaFunction) fns[2];
        method3 = (LuaFunction) fns[3];
        globalCall = (LuaFunction) fns[4];
        concatLoop = (LuaFunction) fns[5];
        concatChain = (LuaFunction) fns[6];
    }

    private Object run(LuaFunction f) { return L.call(f, (long) BATCH)[0]; }

    /** obj.x on objects of one layout (plus the loop and an array read). */
    @Benchmark @OperationsPerInvocation(BATCH) public Object fieldGet() { return run(fieldGet); }

    /** obj.y = i on objects with a metatable (an existing field: no __newindex). */
    @Benchmark @OperationsPerInvocation(BATCH) public Object fieldSet() { L.call(fieldSet, (long) BATCH); return null; }

    /** obj:get() with get in the object's class (chain depth 1). */
    @Benchmark @OperationsPerInvocation(BATCH) public Object methodDepth1() { return run(method1); }

    /** obj:get() with get two classes up (Leaf -> Mid -> Base). */
    @Benchmark @OperationsPerInvocation(BATCH) public Object methodDepth3() { return run(method3); }

    /** gf(i), a global Lua function. */
    @Benchmark @OperationsPerInvocation(BATCH) public Object globalCall() { return run(globalCall); }

    /** s = s .. "x", 100 times per fresh string (per append). */
    @Benchmark @OperationsPerInvocation(BATCH) public Object concatLoop() { return run(concatLoop); }

    /** "a" .. i .. "b" .. "c" (per chain). */
    @Benchmark @OperationsPerInvocation(BATCH) public Object concatChain() { return run(concatChain); }
}
