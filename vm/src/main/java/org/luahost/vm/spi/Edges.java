package org.luahost.vm.spi;

import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;

/**
 * Receives the outgoing edges of one Lua object, as {@link ValueGraph#edges}
 * reports them: what a table, a function, an upvalue cell, a userdata or a
 * thread refers to. Every method has an empty default, so a walker overrides
 * only the edges it follows.
 *
 * <p>An implementation never walks further from inside a callback: it notes
 * the objects it wants to visit (on an explicit work stack or queue) and
 * visits them after the call returns, so that no structure depth becomes Java
 * stack depth.
 *
 * <p>The order of the calls for one object is fixed (the serializer's bytes
 * depend on it): see {@link ValueGraph#edges}.
 */
public interface Edges {
    /**
     * A slot of a table's array part, from index 1 up to {@link LuaTable#arraySize()};
     * holes included (value null).
     */
    default void arraySlot(int index, Object value) {}

    /** An entry of a table's hash part (value never null), in the order {@link LuaTable#next} gives them. */
    default void hashEntry(Object key, Object value) {}

    /** The metatable of a table or a userdata (null: none). */
    default void metatable(LuaTable mt) {}

    /** Upvalue {@code index} (from 0) of a Lua function: its cell, null if the slot is empty. */
    default void upvalue(int index, Upvalue cell) {}

    /** The value in an upvalue cell (null: nil). */
    default void cellValue(Object v) {}

    /** The user value of a userdata (null: nil). */
    default void userValue(Object v) {}

    /** The Lua thread (call stack) a coroutine's handle designates. */
    default void thread(LuaThread t) {}

    /** One frame of a thread's stack, before its values: the size of its locals array (0: none). */
    default void frame(int slots) {}

    /**
     * Any other reference: a live value on a thread's stack (function, local, vararg, pending result or call) or held
     * by the thread outside its frames, a Lua value a Java function or a hook
     * captured. Null values are not reported.
     */
    default void value(Object v) {}
}
