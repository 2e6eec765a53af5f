package org.luahost.scheduler;

import java.util.Map;

/**
 * What {@link LuaHost#close(java.time.Duration)} did: how many sessions
 * stopped (saved, when the host has a store), and the sessions it could not
 * save, each with the reason (a turn that did not stop within the bound, a
 * save that failed). The host is closed either way.
 *
 * @param stopped  sessions that stopped within the bound and were saved (when the host has a store)
 * @param notSaved id to reason, in id order; empty when every session stopped
 *                 and (with a store) was saved
 */
public record CloseReport(int stopped, Map<String, String> notSaved) {
    public CloseReport {
        notSaved = Map.copyOf(notSaved);
    }

    /** Whether every session stopped and was saved. */
    public boolean clean() { return notSaved.isEmpty(); }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(stopped + " sessions stopped" + (notSaved.isEmpty() ? "" : " and saved"));
        if (!notSaved.isEmpty()) {
            b.append("; not saved:");
            new java.util.TreeMap<>(notSaved).forEach((id, why) -> b.append("\n  session '").append(id).append("': ").append(why));
        }
        return b.toString();
    }
}
