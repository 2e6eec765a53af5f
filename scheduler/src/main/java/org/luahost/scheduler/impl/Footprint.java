package org.luahost.scheduler.impl;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;

/**
 * Estimates the memory a Lua state holds: a walk over everything reachable
 * from the state's roots ({@link LuaState#forEachRoot}: globals, registry,
 * type metatables, the main thread's stack), the stacks of the given
 * threads and extra roots, adding a size per object from the JVM layout
 * (64-bit, compressed references): a string 40 bytes plus one per byte, a
 * table 64 plus 16 per entry, a Lua closure 32 plus 8 per upvalue (a shared
 * upvalue cell 16 once), a boxed number 16, a coroutine 1 KB plus its frames.
 * Java functions (the libraries, the host API) and compiled code are not
 * counted.
 *
 * <p>The walk stops as soon as the total passes {@code cap}, so checking a
 * limit costs at most about the limit's worth of objects.
 */
final class Footprint {
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    private final ArrayDeque<Object> todo = new ArrayDeque<>();
    private long bytes;

    private Footprint() {}

    static long estimate(LuaState L, Iterable<LuaThread> threads, Iterable<?> roots, long cap) {
        Footprint f = new Footprint();
        // the same roots as the state's collector; a root thread (the main one) counts its frames only
        L.forEachRoot(r -> {
            if (r instanceof LuaThread t) f.thread(t);
            else f.add(r);
        });
        for (LuaThread t : threads) f.thread(t);
        for (Object r : roots) f.add(r);
        return f.run(cap);
    }

    private void add(Object v) {
        if (v == null || v instanceof Boolean || v instanceof JavaFunction) return;
        if (v instanceof Long l && l >= -128 && l <= 127) return;
        if (seen.put(v, Boolean.TRUE) == null) todo.add(v);
    }

    private long run(long cap) {
        Object[] kv = new Object[2];
        Object v;
        while ((v = todo.poll()) != null) {
            switch (v) {
                case String s -> bytes += 40 + ((s.length() + 7) & ~7);
                case Long l -> bytes += 16;
                case Double d -> bytes += 16;
                case LuaTable t -> {
                    bytes += 64;
                    add(t.getMetatable());
                    Object key = null;
                    while (t.next(key, kv)) {
                        key = kv[0];
                        bytes += 16;
                        add(key);
                        add(kv[1]);
                    }
                }
                case LuaClosure c -> {
                    bytes += 32 + 8L * c.upvals.length;
                    for (Cell cell : c.upvals) add(cell);
                }
                case Cell cell -> {
                    bytes += 16;
                    add(cell.v);
                }
                case LuaThreadHandle h -> {
                    bytes += 1024;
                    thread(h.luaThread());
                }
                case LuaUserdata u -> {
                    bytes += 32;
                    add(u.metatable);
                    add(u.userValue);
                }
                default -> bytes += 16;
            }
            if (bytes > cap) break;
        }
        return bytes;
    }

    private void thread(LuaThread th) {
        if (th == null) return;
        for (int d = 1; d <= th.depth; d++) {
            Frame f = th.frame(d);
            add(f.fn);
            Object[] s = f.slots;
            if (s != null) {
                bytes += 16 + 8L * s.length;
                for (Object o : s) add(o);
            }
            for (Object o : f.varargs) add(o);
        }
    }
}
