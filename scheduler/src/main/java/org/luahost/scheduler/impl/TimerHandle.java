package org.luahost.scheduler.impl;

import org.luahost.vm.LuaFunction;

/**
 * A timer of a session ({@code host.after}, {@code host.every}): the Lua
 * function to run, the Vert.x timer that delivers it to the mailbox, and
 * whether it was cancelled. A firing that is already in the mailbox when the
 * timer is cancelled is dropped when its turn comes.
 */
final class TimerHandle {
    final LuaFunction fn;
    final boolean periodic;
    /** Set once, on the session's thread, right after the Vert.x timer is created. */
    volatile long vertxId;
    volatile boolean cancelled;
    /** Its key in the registry table of live timer callbacks (0: none). Used with the session's turn. */
    long key;

    TimerHandle(LuaFunction fn, boolean periodic) {
        this.fn = fn;
        this.periodic = periodic;
    }
}
