package org.luahost.scheduler.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Who receives what a session pushes ({@code host.push}): the gateway's
 * WebSocket clients, through {@code LuaHost.subscribe}. A session with
 * subscribers is never passivated.
 *
 * <p>Threads: {@link #add} and closing its handle may be called from any
 * thread (copy on write, under this object's lock); {@link #push} runs with
 * the session's turn and reads the list without a lock (a subscriber added
 * meanwhile gets the next push); {@link #any} may be called from any thread.
 */
final class Subscribers {
    private volatile List<Consumer<Object[]>> list = List.of();

    /** Hands a copy of values to every subscriber, on the calling thread. */
    void push(Object[] values) { push(values, null); }

    /**
     * Hands a copy of values to every subscriber, on the calling thread;
     * afterEach (if not null) runs after each subscriber got it: host.push
     * charges the turn's work meter there, so a push to many clients reaches
     * time slices and the CPU budget between two clients (it may end the push
     * with the budget error: the clients before got it, the others not).
     */
    void push(Object[] values, Runnable afterEach) {
        List<Consumer<Object[]>> subs = list;
        if (subs.isEmpty()) return;
        Object[] copy = ValueCopy.copyAll(values, "pushed value");
        for (Consumer<Object[]> s : subs) {
            s.accept(copy);
            if (afterEach != null) afterEach.run();
        }
    }

    /** Adds a subscriber until the returned handle is closed. */
    synchronized AutoCloseable add(Consumer<Object[]> receiver) {
        List<Consumer<Object[]>> l = new ArrayList<>(list);
        l.add(receiver);
        list = List.copyOf(l);
        return () -> {
            synchronized (Subscribers.this) {
                List<Consumer<Object[]>> m = new ArrayList<>(list);
                m.remove(receiver);
                list = List.copyOf(m);
            }
        };
    }

    boolean any() { return !list.isEmpty(); }
}
