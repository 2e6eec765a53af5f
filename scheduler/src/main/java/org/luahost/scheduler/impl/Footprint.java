package org.luahost.scheduler.impl;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.spi.Edges;
import org.luahost.vm.spi.FunctionImages;
import org.luahost.vm.spi.Upvalue;
import org.luahost.vm.spi.ValueGraph;

/**
 * Estimates the memory a Lua state holds: a breadth-first walk over the
 * edges of {@link ValueGraph}, from the state's roots
 * ({@link LuaState#forEachRoot}: globals, registry, type metatables, the main
 * thread), the given threads and extra roots, adding a size per object from
 * the JVM layout (64-bit, compressed references): a string 40 bytes plus one
 * per byte, a table 64 plus 16 per entry, a Lua closure 32 plus 8 per upvalue
 * (a shared upvalue cell 16 once), a boxed number 16, a coroutine 1 KB plus
 * its frames (16 plus 8 per local each). Java functions (the libraries, the
 * host API) and compiled code are not counted, nor walked.
 *
 * <p>The walk stops as soon as the total passes {@code cap}, so checking a
 * limit costs at most about the limit's worth of objects.
 */
final class Footprint implements Edges {
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    private final ArrayDeque<Object> todo = new ArrayDeque<>();
    private long bytes;

    private Footprint() {}

    static long estimate(LuaState L, Iterable<LuaThread> threads, Iterable<?> roots, long cap) {
        Footprint f = new Footprint();
        L.forEachRoot(f::add);   // the same roots as the state's collector
        for (LuaThread t : threads) f.add(t);
        for (Object r : roots) f.add(r);
        return f.run(cap);
    }

    private void add(Object v) {
        if (v == null || v instanceof Boolean || v instanceof JavaFunction) return;
        if (v instanceof Long l && l >= -128 && l <= 127) return;
        if (seen.put(v, Boolean.TRUE) == null) todo.add(v);
    }

    private long run(long cap) {
        Object v;
        while ((v = todo.poll()) != null) {
            bytes += ownSize(v);
            if (v instanceof LuaTable || v instanceof Upvalue || v instanceof LuaUserdata || v instanceof LuaThreadHandle
                    || FunctionImages.isLua(v)) {
                ValueGraph.edges(v, this);
            }
            if (bytes > cap) break;
        }
        return bytes;
    }

    /** The object's own size, without what its edges add (table entries, frames). */
    private static long ownSize(Object v) {
        return switch (v) {
            case String s -> 40 + ((s.length() + 7) & ~7);
            case LuaTable t -> 64;
            case LuaFunction f when FunctionImages.isLua(f) -> 32 + 8L * FunctionImages.upvalueCount(f);
            case LuaThread t -> 0;   // its frames count
            case LuaThreadHandle h -> 1024;
            case LuaUserdata u -> 32;
            default -> 16;   // boxed numbers, cells, other functions
        };
    }

    @Override
    public void arraySlot(int index, Object value) {
        if (value != null) { bytes += 16; add(value); }
    }

    @Override
    public void hashEntry(Object key, Object value) {
        bytes += 16;
        add(key);
        add(value);
    }

    @Override
    public void metatable(LuaTable mt) { add(mt); }

    @Override
    public void upvalue(int index, Upvalue cell) { add(cell); }

    @Override
    public void cellValue(Object v) { add(v); }

    @Override
    public void userValue(Object v) { add(v); }

    @Override
    public void thread(LuaThread t) { add(t); }

    @Override
    public void frame(int slots) {
        if (slots > 0) bytes += 16 + 8L * slots;
    }

    @Override
    public void value(Object v) { add(v); }
}
