package org.luahost.cli.console;

import java.util.List;
import java.util.concurrent.ThreadFactory;

import io.vertx.core.json.JsonObject;

import org.luahost.persistence.Persister;
import org.luahost.persistence.RestoreReport;
import org.luahost.persistence.UserdataCodec;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * A stored snapshot's globals as JSON ({@link GlobalsJson}), read in a fresh
 * trusted state where nothing of the snapshot runs (a sandboxed session's
 * functions become stand-ins; timer handles opaque userdata). Used by the
 * console for a session that is not live and by
 * {@code luahost sessions show --json}. Any thread; each call has its own state.
 */
public final class SnapshotReader {
    private SnapshotReader() {}

    /** The scheduler's timer handles ({@code host.after}), read as opaque userdata: nothing here arms them. */
    private record TimerHandleStub() {}

    /** The codec that reads a snapshot's timer handles without arming them (also used by {@code luahost sessions show}). */
    public static final UserdataCodec<?> TIMER_HANDLES = new UserdataCodec<TimerHandleStub>() {
        @Override public String name() { return "luahost.timer"; }

        @Override public Class<TimerHandleStub> type() { return TimerHandleStub.class; }

        @Override public byte[] encode(TimerHandleStub payload) { return new byte[0]; }

        @Override public TimerHandleStub decode(byte[] bytes) { return new TimerHandleStub(); }
    };

    /**
     * The globals tree of snapshot bytes (depth and entry limits as
     * {@link GlobalsJson#tree}); the restore's notes are added to notes.
     * A snapshot that cannot be read throws (a LuaError or PersistenceException).
     */
    public static JsonObject globals(byte[] bytes, ThreadFactory luaThreads, int depth, int entries, List<String> notes) {
        LuaState L = LuaState.builder().profile(Profile.TRUSTED).threadFactory(luaThreads).build();
        try {
            Persister p = Persister.attach(L);
            p.register(TIMER_HANDLES);
            RestoreReport r = p.restore(bytes, true);
            notes.addAll(r.warnings());
            return GlobalsJson.tree(L, depth, entries);
        } finally {
            L.close();
        }
    }
}
