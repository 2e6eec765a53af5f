package org.luahost.persistence.codec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.spi.Edges;
import org.luahost.vm.spi.ValueGraph;

/**
 * The values a state had before the script ran (the standard library, host
 * functions and tables), each with a stable name, and a copy of the contents
 * of each such table.
 *
 * <p>Names come from a breadth-first walk from {@code _G} over the value
 * graph's edges ({@link ValueGraph#edges}: a table's string keys, in sorted
 * order, and its metatable; a userdata's metatable), so that they depend only
 * on which libraries are installed: {@code _G}, {@code print}, {@code string}, {@code string.format},
 * {@code package.loaded}; then the registry ({@code @registry...}) and a few
 * values reachable only from the state ({@code @main_thread},
 * {@code @string_meta}). A snapshot refers to these values by name, and a
 * restore binds the names to the new state's values.
 *
 * <p>The tables named from {@code _G} are the roots of a snapshot: what the
 * script changed in them (new globals, a function added to {@code string},
 * a metatable set on {@code _G}) is saved as a difference from the copy taken
 * here. {@code package.loaded} and the registry are not roots: modules are
 * code, loaded again by {@code require} on each run. Nor is the global
 * {@code arg} (the command-line arguments of this run, which the next run
 * replaces): neither the table nor the global is saved.
 *
 * <p>Memory: sessions are many, so the index keeps per state only the
 * identity map from value to name (the names themselves are interned, so
 * states with the same libraries share them) and each root table's entries
 * as a flat array; the maps that capture and restore need are built when they
 * run.
 *
 * <p>Built and used on the state's thread.
 */
public final class HostIndex {
    private final IdentityHashMap<Object, String> names = new IdentityHashMap<>();
    private final List<Baseline> baselines = new ArrayList<>();
    /** The state's profile, as a snapshot records it: {@code trusted} or {@code sandboxed}. */
    private String profile;
    /** A hash of the names reachable from {@code _G} (the library set; see {@link #fingerprint}). */
    private long fingerprint;

    /** A root table and its contents when the index was built: keys and values alternating. */
    record Baseline(String name, LuaTable table, Object[] entries, LuaTable metatable) {}

    /** What changed in one root table: keys and values alternating (nil value: removed). */
    record Root(String name, LuaTable table, List<Object> keysAndValues, boolean metatableChanged, LuaTable metatable) {}

    private HostIndex() {}

    /**
     * What a Lua function of a sandboxed snapshot becomes when it is restored
     * into a trusted state (see {@code Persister.restore}): a function that
     * raises. Every state's index names it, so it is saved and restored by
     * reference like a library function (a later save keeps the stand-in,
     * never the sandbox's code).
     */
    static final JavaFunction QUARANTINED = JavaFunction.of("quarantined", (th, a) -> {
        throw new LuaError("a function saved under the sandboxed profile is not restored into a trusted state");
    });

    /** Walks the state's values; call after the host installed its libraries and before the script runs. */
    public static HostIndex scan(LuaState L) {
        HostIndex h = new HostIndex();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        h.visit("_G", L.globals, queue);
        h.walk(queue, true);
        h.visit("@registry", L.registry, queue);
        h.visit("@string_meta", L.stringMeta, queue);
        h.visit("@main_thread", L.mainThread, queue);
        h.visit("@next", L.nextFunction, queue);
        h.visit("@ipairs_iterator", L.ipairsIterator, queue);
        h.walk(queue, false);
        h.names.put(QUARANTINED, "@quarantined");
        h.profile = L.profile.name().toLowerCase(java.util.Locale.ROOT);
        h.fingerprint = h.libraryHash();
        return h;
    }

    /**
     * FNV-1a (64 bits) over the sorted names reachable from {@code _G}
     * (not the {@code @} names of the registry and the state, and not
     * {@code arg}, which differs between runs): equal for two states with
     * the same libraries and host functions, whatever their order of creation.
     */
    private long libraryHash() {
        List<String> sorted = new ArrayList<>();
        for (String n : names.values()) if (!n.startsWith("@") && !n.equals("arg")) sorted.add(n);
        sorted.sort(null);
        long h = 0xcbf29ce484222325L;
        for (String n : sorted) {
            for (int i = 0; i < n.length(); i++) h = (h ^ n.charAt(i)) * 0x100000001b3L;
            h = (h ^ 0xFF) * 0x100000001b3L;   // separator: no name contains char 255 between two names
        }
        return h;
    }

    /** The state's profile as snapshots record it: {@code trusted} or {@code sandboxed}. */
    public String profile() { return profile; }

    /**
     * The library set as snapshots record it: a hash of the names of the
     * functions and tables reachable from {@code _G} when the index was built
     * (standard libraries, the host's functions). Two states of one profile
     * with different host functions or libraries differ here.
     */
    public long fingerprint() { return fingerprint; }

    private void visit(String name, Object v, ArrayDeque<Object> queue) {
        if (!(v instanceof LuaTable || v instanceof LuaFunction || v instanceof LuaUserdata || v instanceof LuaThreadHandle)) return;
        if (v == null || names.containsKey(v)) return;
        name = name.intern();
        names.put(v, name);
        if (!(v instanceof LuaTable || v instanceof LuaUserdata)) return;
        queue.add(name);
        queue.add(v);
    }

    private void walk(ArrayDeque<Object> queue, boolean roots) {
        Contents c = new Contents();
        while (!queue.isEmpty()) {
            String name = (String) queue.poll();
            Object v = queue.poll();
            c.clear();
            ValueGraph.edges(v, c);
            if (v instanceof LuaTable t) {
                if (roots && !name.equals("package.loaded") && !name.equals("arg")) {
                    baselines.add(new Baseline(name, t, c.entries.toArray(), c.metatable));
                }
                c.keys.sort(null);
                String prefix = name.equals("_G") ? "" : name + ".";
                for (String k : c.keys) visit(prefix + k, t.rawget(k), queue);
            }
            visit(name + "@metatable", c.metatable, queue);
        }
    }

    /** One table's or userdata's edges as the index needs them: entries (keys and values alternating), string keys, metatable. */
    private static final class Contents implements Edges {
        final List<Object> entries = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        LuaTable metatable;

        void clear() {
            entries.clear();
            keys.clear();
            metatable = null;
        }

        @Override
        public void arraySlot(int index, Object value) {
            if (value == null) return;
            entries.add((long) index);
            entries.add(value);
        }

        @Override
        public void hashEntry(Object key, Object value) {
            entries.add(key);
            entries.add(value);
            if (key instanceof String s) keys.add(s);
        }

        @Override
        public void metatable(LuaTable mt) { metatable = mt; }
    }

    /** The name of a value the host provided, or null. */
    public String nameOf(Object v) { return names.get(v); }

    /** Every name with its value in this state (built on each call: restore needs it once). */
    public Map<String, Object> byName() {
        Map<String, Object> m = new HashMap<>(names.size() * 2);
        names.forEach((v, n) -> m.put(n, v));
        return m;
    }

    /** The tables whose changes a snapshot records, in a fixed order. */
    List<Baseline> baselines() { return baselines; }

    /** What the script changed in each root table since the index was built. */
    List<Root> changes() {
        List<Root> out = new ArrayList<>();
        Object[] kv = new Object[2];
        for (Baseline b : baselines) {
            List<Object> diff = new ArrayList<>();
            LuaTable t = b.table();
            boolean globals = b.name().equals("_G");
            Object[] base = b.entries();
            Map<Object, Object> old = new HashMap<>(base.length);
            for (int i = 0; i < base.length; i += 2) old.put(base[i], base[i + 1]);
            for (Object k = null; t.next(k, kv); k = kv[0]) {
                if (globals && "arg".equals(kv[0])) continue;
                if (!same(old.get(kv[0]), kv[1])) { diff.add(kv[0]); diff.add(kv[1]); }
            }
            for (int i = 0; i < base.length; i += 2) {
                if (globals && "arg".equals(base[i])) continue;
                if (t.rawget(base[i]) == null) { diff.add(base[i]); diff.add(null); }
            }
            boolean metaChanged = t.getMetatable() != b.metatable();
            if (!diff.isEmpty() || metaChanged) out.add(new Root(b.name(), t, diff, metaChanged, t.getMetatable()));
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof Double x && b instanceof Double y) return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
        if (a instanceof Long || a instanceof String || a instanceof Boolean) return a.equals(b);
        return false;
    }
}
