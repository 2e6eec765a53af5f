package org.luahost.scheduler.impl;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;

import org.luahost.vm.Gc;
import org.luahost.vm.LuaTable;

/**
 * The bytes that the values of a call or message hold, as the receiving
 * state's collector would count them ({@link Gc#stringBytes},
 * {@link Gc#tableBytes}): what a mailbox holds while the envelope waits
 * ({@link Mailbox#admit}) and what the receiving session is charged when the
 * envelope's turn begins ({@link LuaRunner#chargeArrival}).
 *
 * <p>Each string and table counts once however often it is referenced (a
 * string passed ten times is one object); the walk is iterative. It runs on
 * the producer's thread, once per envelope, after the values were copied or
 * decoded for the session (which walked them already).
 */
final class ValueWeight {
    private ValueWeight() {}

    /** The weight of values (0 for none, or for numbers, booleans and nils only, which the receiving frame holds). */
    static long of(Object[] values) {
        if (values == null || values.length == 0) return 0;
        long n = 0;
        IdentityHashMap<Object, Boolean> seen = null;
        ArrayDeque<LuaTable> stack = null;
        for (Object v : values) {
            if (v instanceof String s && s.length() < 64) n += Gc.stringBytes(s.length());   // no set needed
            else if (v instanceof String || v instanceof LuaTable) {
                if (seen == null) {
                    seen = new IdentityHashMap<>();
                    stack = new ArrayDeque<>();
                }
                n += weigh(v, seen, stack);
            }
        }
        if (stack == null) return n;
        Object[] kv = new Object[2];
        while (!stack.isEmpty()) {
            LuaTable t = stack.pop();
            n += Gc.tableBytes(t.arraySize(), t.hashCapacity());
            Object k = null;
            while (t.next(k, kv)) {
                k = kv[0];
                n += weigh(kv[0], seen, stack) + weigh(kv[1], seen, stack);
            }
        }
        return n;
    }

    /** A key's or value's own bytes (tables are pushed to be walked), counted once. */
    private static long weigh(Object v, IdentityHashMap<Object, Boolean> seen, ArrayDeque<LuaTable> stack) {
        if (v instanceof String s) {
            if (s.length() < 64) return Gc.stringBytes(s.length());
            return seen.put(s, Boolean.TRUE) == null ? Gc.stringBytes(s.length()) : 0;
        }
        if (v instanceof LuaTable t && seen.put(t, Boolean.TRUE) == null) stack.push(t);
        return 0;
    }
}
