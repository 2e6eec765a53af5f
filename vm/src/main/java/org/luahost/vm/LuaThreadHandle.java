package org.luahost.vm;

/**
 * A value of Lua type {@code thread}. The main thread of a state is a
 * {@link LuaThread} and is its own handle; a coroutine is seen by Lua code
 * through a separate handle object (in the coroutines module), so that the
 * coroutine's own Java thread never holds the object Lua code holds, and an
 * unreachable suspended coroutine can be collected.
 *
 * <p>{@link Lua#typeName} says {@code "thread"} for every implementation, and
 * the state's thread metatable applies to all of them. Identity is reference
 * identity.
 */
public interface LuaThreadHandle {
    /** The thread (call stack) this value designates. */
    LuaThread luaThread();
}
