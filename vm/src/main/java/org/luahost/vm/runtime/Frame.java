package org.luahost.vm.runtime;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaThread;
import org.luahost.vm.nodes.Stat;

/**
 * One activation on a Lua thread's call stack: a Lua closure's locals, or a
 * marker for a Java function. Frames are owned by their {@link LuaThread} and
 * reused from one call to the next at the same depth, so a call allocates
 * only its locals array.
 *
 * <p>{@link #site} is the node this frame is executing when it calls out or
 * raises an error: it gives the frame's current line and the name the
 * callee was called by. Only the thread that owns the frame touches it.
 */
public final class Frame {
    public final LuaThread thread;
    public final int depth;
    public LuaFunction fn;
    /** The closure for Lua frames, null for Java frames. */
    public LuaClosure closure;
    public Object[] slots;
    public Object[] varargs = LuaFunction.NONE;
    public Site site;
    /** True when this activation replaced its caller's by a tail call. */
    public boolean tailcall;
    /** Results of a return statement: one value in ret1 (retN null), or all in retN. */
    public Object ret1;
    public Object[] retN;
    /** A pending tail call (signalled by {@link Stat#TAILCALL}). */
    public LuaFunction tailFn;
    public Object[] tailArgs;
    /** The label a pending goto jumps to. */
    public Object gotoLabel;
    /** Pending to-be-closed variables of this frame (slot indexes), innermost last. */
    public int[] tbc;
    public int ntbc;
    /** Debug hook bookkeeping: last line reported. */
    public int hookLine = -1;
    /**
     * Debug hook bookkeeping: a loop just went through its jump back, so the first statement
     * of its body, if that is what runs next, is reported even on the same line.
     */
    public boolean hookBack;

    public Frame(LuaThread thread, int depth) {
        this.thread = thread;
        this.depth = depth;
    }

    /** The line this frame is at (the current site's), or -1 for Java frames. */
    public int currentLine() {
        if (closure == null || closure.proto.stripped) return -1;
        return site == null ? closure.proto.line : site.line();
    }
}
