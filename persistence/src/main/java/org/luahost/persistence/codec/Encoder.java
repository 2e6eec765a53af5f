package org.luahost.persistence.codec;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.luahost.persistence.UnpersistablePolicy;
import org.luahost.persistence.UserdataCodec;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.spi.Edges;
import org.luahost.vm.spi.FunctionImages;
import org.luahost.vm.spi.Upvalue;
import org.luahost.vm.spi.ValueGraph;

/**
 * Writes a snapshot body: the root tables' changes, then every object they
 * reach, each once. An object (table, Lua function, upvalue cell, userdata) is
 * announced where it is first met, with what is needed to allocate it, and
 * gets the next id; its contents are written later, when it is taken from an
 * explicit work stack, so that no structure depth ever becomes Java stack
 * depth. An object's contents are its edges in the value graph
 * ({@link ValueGraph#edges}), written in the order reported there. The
 * {@link Decoder} keeps the same stack and so reads contents in the same order.
 *
 * <p>Runs on the state's thread (it reads live tables). One use per instance.
 */
final class Encoder implements Edges {
    private final HostIndex host;
    private final UnpersistablePolicy policy;
    private final FunctionCodec functions;
    /** Prototype images by prototype ({@link FunctionImages#prototype}), kept across captures. */
    private final Map<Object, String> dumpCache;
    private final Map<Class<?>, UserdataCodec<?>> codecs;

    private final Sink out = new Sink();
    private final IdentityHashMap<Object, Integer> objectIds = new IdentityHashMap<>();
    private final HashMap<String, Integer> stringIds = new HashMap<>();
    private final IdentityHashMap<Object, Integer> protoIds = new IdentityHashMap<>();
    private final IdentityHashMap<Object, String> undumpable = new IdentityHashMap<>();
    private final ArrayDeque<Object> work = new ArrayDeque<>();
    /** Values left out under SKIP_WITH_WARNING, with what they are. */
    final IdentityHashMap<Object, String> skipped = new IdentityHashMap<>();

    /** Thrown (without a stack trace) at the first value that cannot be saved under FAIL. */
    static final class Unpersistable extends RuntimeException {
        final transient Object value;
        final String what;

        Unpersistable(Object value, String what) {
            super(what, null, false, false);
            this.value = value;
            this.what = what;
        }
    }

    Encoder(HostIndex host, UnpersistablePolicy policy, FunctionCodec functions, Map<Object, String> dumpCache,
            Map<Class<?>, UserdataCodec<?>> codecs) {
        this.host = host;
        this.policy = policy;
        this.functions = functions;
        this.dumpCache = dumpCache;
        this.codecs = codecs;
    }

    int objectCount() { return objectIds.size(); }

    /** Encodes the given root changes and everything they reach; returns the body with headerRoom bytes free in front. */
    byte[] encode(List<HostIndex.Root> roots, int headerRoom) { return encode(roots, null, headerRoom); }

    /**
     * As {@link #encode(List, int)}, with the host's extra root (version 3,
     * see {@link SnapshotFormat}) when extra is not null.
     */
    byte[] encode(List<HostIndex.Root> roots, LuaTable extra, int headerRoom) {
        writeString(host.profile());   // version 2: the profile the snapshot is made under
        out.i64(host.fingerprint());
        out.varint(roots.size());
        for (HostIndex.Root r : roots) {
            writeString(r.name());
            List<Object> kv = r.keysAndValues();
            int n = 0;
            for (int i = 0; i < kv.size(); i += 2) if (keep(kv.get(i))) n++;
            out.varint(n);
            for (int i = 0; i < kv.size(); i += 2) {
                if (!keep(kv.get(i))) continue;
                writeValue(kv.get(i));
                writeValue(kv.get(i + 1));
            }
            out.u8(r.metatableChanged() ? 1 : 0);
            if (r.metatableChanged()) writeValue(r.metatable());
        }
        if (extra != null) writeValue(extra);   // version 3: the host's extra root
        while (!work.isEmpty()) ValueGraph.edges(work.pop(), this);
        return out.toArray(headerRoom);
    }

    // ---------------------------------------------------------------- values

    private void writeValue(Object v) {
        switch (v) {
            case null -> out.u8(Tags.NIL);
            case Boolean b -> out.u8(b ? Tags.TRUE : Tags.FALSE);
            case Long l -> { out.u8(Tags.INT); out.zigzag(l); }
            case Double d -> { out.u8(Tags.FLOAT); out.i64(Double.doubleToRawLongBits(d)); }
            case String s -> writeString(s);
            default -> writeObject(v);
        }
    }

    private void writeString(String s) {
        Integer id = stringIds.putIfAbsent(s, stringIds.size());
        if (id != null) {
            out.u8(Tags.STRREF);
            out.varint(id);
        } else {
            out.u8(Tags.STR);
            out.varint(s.length());
            out.latin1(s);
        }
    }

    private void writeObject(Object v) {
        Integer id = objectIds.get(v);
        if (id != null) {
            out.u8(Tags.REF);
            out.varint(id);
            return;
        }
        String name = host.nameOf(v);
        if (name != null) {
            out.u8(Tags.HOST);
            writeString(name);
            return;
        }
        switch (v) {
            case LuaTable t -> {
                out.u8(Tags.TABLE);
                out.varint(t.arraySize());
                out.varint(keptHashCount(t));
            }
            case LuaFunction f when FunctionImages.isLua(f) -> { if (!writeClosureHeader(f)) return; }
            case LuaUserdata u when codecs.containsKey(u.payload().getClass()) -> writeUserdataHeader(u);
            default -> {
                unpersistable(v, describe(v));
                return;
            }
        }
        objectIds.put(v, objectIds.size());
        work.push(v);
    }

    private boolean writeClosureHeader(LuaFunction c) {
        Object p = FunctionImages.prototype(c);
        Integer pid = protoIds.get(p);
        if (pid != null) {
            out.u8(Tags.CLOSURE);
            out.varint(pid);
        } else {
            String bytes = dump(c);
            if (bytes == null) {
                unpersistable(c, "a Lua function (" + undumpable.get(p) + ")");
                return false;
            }
            out.u8(Tags.CLOSURE_NEW_PROTO);
            writeString(FunctionImages.source(c));
            out.varint(bytes.length());
            out.latin1(bytes);
            protoIds.put(p, protoIds.size());
        }
        out.varint(FunctionImages.upvalueCount(c));
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeUserdataHeader(LuaUserdata u) {
        UserdataCodec codec = codecs.get(u.payload().getClass());
        byte[] b = codec.encode(u.payload());
        out.u8(Tags.USERDATA);
        writeString(codec.name());
        out.varint(b.length);
        out.bytes(b);
    }

    /** The prototype's compiled form, or null (with the reason in {@link #undumpable}). */
    private String dump(LuaFunction c) {
        Object p = FunctionImages.prototype(c);
        String s = dumpCache.get(p);
        if (s != null) return s;
        if (undumpable.containsKey(p)) return null;
        try {
            s = functions.dump(c);
        } catch (UnsupportedOperationException e) {
            undumpable.put(p, e.getMessage());
            return null;
        }
        dumpCache.put(p, s);
        return s;
    }

    private void unpersistable(Object v, String what) {
        if (policy == UnpersistablePolicy.FAIL) throw new Unpersistable(v, what);
        skipped.putIfAbsent(v, what);
        out.u8(Tags.NIL);
    }

    /** Null if the value can be saved, else what it is ("a thread"). */
    private String check(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double || v instanceof String
                || v instanceof LuaTable || objectIds.containsKey(v) || host.nameOf(v) != null) return null;
        if (v instanceof LuaFunction f && FunctionImages.isLua(f)) {
            return dump(f) == null ? "a Lua function (" + undumpable.get(FunctionImages.prototype(f)) + ")" : null;
        }
        if (v instanceof LuaUserdata u && codecs.containsKey(u.payload().getClass())) return null;
        return describe(v);
    }

    static String describe(Object v) {
        return switch (v) {
            case LuaThreadHandle t -> "a thread";
            case LuaFunction f when f.name() != null -> "a Java function ('" + f.name() + "') the host did not provide at start";
            case LuaFunction f -> "an unnamed Java function";
            case LuaUserdata u -> "a userdata (" + u.payload().getClass().getName() + ") without a registered codec";
            default -> "a Java object (" + v.getClass().getName() + ")";
        };
    }

    /** Whether a table entry with this key is written (keys that cannot be saved are left out when skipping). */
    private boolean keep(Object key) {
        if (policy == UnpersistablePolicy.FAIL) return true;
        String what = check(key);
        if (what == null) return true;
        skipped.putIfAbsent(key, what);
        return false;
    }

    private int keptHashCount(LuaTable t) {
        if (policy == UnpersistablePolicy.FAIL) return t.hashCount();
        int n = 0;
        Object[] kv = new Object[2];
        for (Object k = firstHashKey(t); t.next(k, kv); k = kv[0]) if (check(kv[0]) == null) n++;
        return n;
    }

    /** The key after which {@link LuaTable#next} continues into the hash part. */
    private static Object firstHashKey(LuaTable t) {
        return t.arraySize() == 0 ? null : (Object) (long) t.arraySize();
    }

    // ---------------------------------------------------------------- contents (the object's edges)

    @Override
    public void arraySlot(int index, Object value) { writeValue(value); }

    @Override
    public void hashEntry(Object key, Object value) {
        if (!keep(key)) return;
        writeValue(key);
        writeValue(value);
    }

    @Override
    public void metatable(LuaTable mt) { writeValue(mt); }

    @Override
    public void upvalue(int index, Upvalue cell) {
        if (cell == null) {
            out.u8(Tags.NIL);
            return;
        }
        Integer id = objectIds.get(cell);
        if (id != null) {
            out.u8(Tags.REF);
            out.varint(id);
        } else {
            out.u8(Tags.CELL);
            objectIds.put(cell, objectIds.size());
            work.push(cell);
        }
    }

    @Override
    public void cellValue(Object v) { writeValue(v); }

    @Override
    public void userValue(Object v) { writeValue(v); }
}
