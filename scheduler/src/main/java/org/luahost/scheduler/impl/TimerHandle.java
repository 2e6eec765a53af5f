package org.luahost.scheduler.impl;

import org.luahost.vm.LuaFunction;

/**
 * A timer of a session ({@code host.after}, {@code host.every}): the Lua
 * function to run, the Vert.x timer that delivers it to the mailbox, and
 * whether it was cancelled. A firing that is already in the mailbox when the
 * timer is cancelled is dropped when its turn comes.
 *
 * <p>A periodic timer is a chain of one-shot Vert.x timers: the next one is
 * armed when a tick's turn begins ({@link Timers#fire}), so at most one tick
 * of a timer is ever pending in the mailbox; ticks that fall due while one is
 * pending or running are coalesced into it (the callback runs once, late).
 */
final class TimerHandle {
    final LuaFunction fn;
    final boolean periodic;
    /** Set once, on the session's thread, right after the Vert.x timer is created. */
    volatile long vertxId;
    volatile boolean cancelled;
    /** Its key in the registry table of live timer callbacks (0: none). Used with the session's turn. */
    long key;
    /** The period (periodic timers), in nanoseconds. */
    final long periodNanos;
    /** When the next tick is due (System.nanoTime); used with the session's turn. */
    long due;
    /** Ticks that were coalesced because the callback could not keep up; used with the session's turn. */
    long coalesced;

    TimerHandle(LuaFunction fn, boolean periodic) { this(fn, periodic, 0); }

    TimerHandle(LuaFunction fn, boolean periodic, long periodNanos) {
        this.fn = fn;
        this.periodic = periodic;
        this.periodNanos = periodNanos;
    }
}
