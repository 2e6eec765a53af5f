package org.luahost.scheduler.impl;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaUserdata;

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
 *
 * <p>A handle restored from a snapshot starts cancelled with no function
 * ({@link SessionSaver.TimerCodec}); {@link Timers#restore} fills in and
 * re-arms the ones that were pending when the snapshot was taken.
 */
final class TimerHandle {
    /** The callback; set once before the handle is armed, with the session's turn. */
    LuaFunction fn;
    /** Whether it repeats; set with fn. */
    boolean periodic;
    /** Set once, on the session's thread, right after the Vert.x timer is created. */
    volatile long vertxId;
    volatile boolean cancelled;
    /** Its key in the registry table of live timer callbacks (0: none). Used with the session's turn. */
    long key;
    /** The period (periodic timers), in nanoseconds; set with fn. */
    long periodNanos;
    /** When the next tick is due (System.nanoTime); used with the session's turn. */
    long due;
    /** {@link #due} as wall-clock epoch milliseconds (what a snapshot saves); set with due. */
    long dueEpochMs;
    /** Ticks that were coalesced because the callback could not keep up; used with the session's turn. */
    long coalesced;
    /** The Lua value of this handle (what host.after returned), saved with the pending timers. Set once. */
    LuaUserdata userdata;

    TimerHandle(LuaFunction fn, boolean periodic) { this(fn, periodic, 0); }

    TimerHandle(LuaFunction fn, boolean periodic, long periodNanos) {
        this.fn = fn;
        this.periodic = periodic;
        this.periodNanos = periodNanos;
    }
}
