package org.luahost.scheduler.impl;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.TurnError;

/**
 * The last {@link #PER_SESSION} failed turns (their message and traceback
 * cut by {@link LuaJson#brief}) of each session
 * ({@link org.luahost.scheduler.LuaHost#recentErrors}), kept by id so that a
 * session that could not start, or stopped after its failures, still shows
 * why. At most {@link #SESSIONS} ids are kept: beyond that, an arbitrary
 * other id's errors are dropped (a bound, not an eviction order: this is a
 * diagnostic aid, not a log).
 *
 * <p>Threads: {@link #add} is called by a session's drainer (holding its
 * turn), {@link #of} by anyone; each id's deque is guarded by itself.
 */
final class RecentErrors {
    static final int PER_SESSION = 20;
    static final int SESSIONS = 10_000;

    private final Map<String, ArrayDeque<TurnError>> byId = new ConcurrentHashMap<>();

    /** Remembers that a turn of session id running handler failed with x now. */
    void add(String id, String handler, SessionException x) {
        if (byId.size() >= SESSIONS && !byId.containsKey(id)) {
            Iterator<String> it = byId.keySet().iterator();
            if (it.hasNext()) byId.remove(it.next());
        }
        ArrayDeque<TurnError> q = byId.computeIfAbsent(id, k -> new ArrayDeque<>());
        // brief: the host keeps 20 per session of these, charged to nobody
        TurnError e = new TurnError(System.currentTimeMillis(), handler, x.kind(), LuaJson.brief(x.getMessage()),
                LuaJson.brief(x.luaTraceback()));
        synchronized (q) {
            if (q.size() == PER_SESSION) q.removeFirst();
            q.addLast(e);
        }
    }

    /** Session id's kept failures, oldest first (empty when none). */
    List<TurnError> of(String id) {
        ArrayDeque<TurnError> q = byId.get(id);
        if (q == null) return List.of();
        synchronized (q) {
            return List.copyOf(q);
        }
    }
}
