package org.luahost.coroutines;

import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaThreadHandle;

/**
 * A coroutine as Lua code sees it: a value of type {@code thread}. This is
 * the object {@code coroutine.create} returns and {@code coroutine.running}
 * gives back; its identity is the coroutine's identity.
 *
 * <p>It is deliberately a separate object from the coroutine's
 * {@link LuaThread} (whose frames the coroutine's virtual thread references):
 * when no Lua value references the handle any more, the coroutine's thread
 * and memory are released (see {@link Reaper}).
 */
public final class Coroutine implements LuaThreadHandle {
    /** Set once, right after construction (the CoThread holds this handle only weakly). */
    CoThread co;

    Coroutine() {}

    /** The coroutine's Lua thread (its call stack), e.g. for tracebacks. */
    @Override
    public LuaThread luaThread() { return co; }

    /** "suspended", "running" (the state's current thread), "normal" or "dead". */
    public String status() {
        if (co.state.current() == co) return "running";
        return switch (co.status) {
            case CoThread.NEW, CoThread.SUSPENDED -> "suspended";
            case CoThread.ACTIVE -> "normal";
            default -> "dead";
        };
    }
}
