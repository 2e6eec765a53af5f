package org.luahost.persistence.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.luahost.persistence.CorruptSnapshotException;
import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.RestoreReport;
import org.luahost.persistence.Snapshot;
import org.luahost.persistence.UnpersistablePolicy;
import org.luahost.persistence.UnpersistableValueException;
import org.luahost.persistence.UserdataCodec;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;

/**
 * Entry points of the codec for {@link org.luahost.persistence.Persister}:
 * encode a state's changes into a sealed snapshot, decode one into a state.
 */
public final class SnapshotCodec {
    private SnapshotCodec() {}

    /** At most this many skipped values are listed one by one in a snapshot's warnings. */
    static final int MAX_WARNINGS = 100;

    public static Snapshot encode(HostIndex host, UnpersistablePolicy policy, FunctionCodec functions,
            Map<Object, String> dumpCache, Map<Class<?>, UserdataCodec<?>> codecs) {
        return encode(host, policy, functions, dumpCache, codecs, null);
    }

    /** As above, with the host's extra root (a version 3 snapshot) when extra is not null. */
    public static Snapshot encode(HostIndex host, UnpersistablePolicy policy, FunctionCodec functions,
            Map<Object, String> dumpCache, Map<Class<?>, UserdataCodec<?>> codecs, LuaTable extra) {
        List<HostIndex.Root> roots = host.changes();
        Encoder e = new Encoder(host, policy, functions, dumpCache, codecs);
        byte[] body;
        try {
            body = e.encode(roots, extra, SnapshotFormat.HEADER);
        } catch (Encoder.Unpersistable u) {
            Map<Object, String> paths = PathFinder.find(host, roots, Set.of(u.value));
            throw new UnpersistableValueException(u.what, paths.getOrDefault(u.value, "?"));
        }
        int version = extra != null ? SnapshotFormat.VERSION : SnapshotFormat.VERSION_NO_EXTRA;
        return new Snapshot(SnapshotFormat.seal(body, version), warnings(host, roots, e.skipped), e.objectCount());
    }

    private static List<String> warnings(HostIndex host, List<HostIndex.Root> roots, IdentityHashMap<Object, String> skipped) {
        if (skipped.isEmpty()) return List.of();
        Set<Object> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        targets.addAll(skipped.keySet());
        Map<Object, String> paths = PathFinder.find(host, roots, targets);
        List<String> out = new ArrayList<>();
        for (Map.Entry<Object, String> p : paths.entrySet()) {
            if (out.size() == MAX_WARNINGS) {
                out.add("... and " + (skipped.size() - MAX_WARNINGS) + " more values skipped");
                break;
            }
            out.add("skipped " + skipped.get(p.getKey()) + " at " + p.getValue());
        }
        return List.copyOf(out);
    }

    /** Checks the container and restores the body into L; on any error L is unchanged. */
    public static RestoreReport decode(LuaState L, HostIndex host, FunctionCodec functions,
            Map<String, UserdataCodec<?>> codecs, byte[] snapshot, boolean allowProfileChange) {
        int version = SnapshotFormat.verify(snapshot);
        Decoder d = new Decoder(L, host, functions, codecs, new Source(snapshot, SnapshotFormat.HEADER, snapshot.length));
        try {
            d.decode(version, allowProfileChange);
        } catch (PersistenceException e) {
            throw e;
        } catch (RuntimeException e) {
            // A malformed body that passed the checksum, or a VM rejection (a table key rawset refuses)
            throw new CorruptSnapshotException("corrupt snapshot: " + e, e);
        }
        return new RestoreReport(List.copyOf(d.warnings), d.objectCount(), d.extra);
    }
}
