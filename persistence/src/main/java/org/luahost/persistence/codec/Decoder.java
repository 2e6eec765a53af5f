package org.luahost.persistence.codec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.luahost.persistence.CorruptSnapshotException;
import org.luahost.persistence.ProfileMismatchException;
import org.luahost.persistence.RestoreMemoryException;
import org.luahost.persistence.UserdataCodec;
import org.luahost.vm.Gc;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.spi.FunctionImages;
import org.luahost.vm.spi.Upvalue;

/**
 * Reads a snapshot body written by {@link Encoder}, mirroring its work stack.
 * Nothing is changed in the state until the whole body has been read and
 * checked: the root tables' changes are collected and applied at the end, so
 * a corrupt snapshot leaves the state as it was.
 *
 * <p>Every count is checked against the remaining input before anything is
 * allocated for it, every reference against what has been read so far, and
 * every loop consumes input, so hostile bytes end in a
 * {@link CorruptSnapshotException}, not in an out-of-memory error, a stack
 * overflow or a hang.
 *
 * <p>Memory: what the restore builds is counted as it is built, by the
 * collector's model (the sizes a mark of the restored values counts: tables,
 * strings longer than {@link Gc#SHORT_STRING}, closures, userdata), and
 * checked against the room the state's memory limit leaves; a value that
 * would pass it is not made ({@link RestoreMemoryException}). On success the
 * whole is charged to the state's collector, so the restored data counts
 * against the limit from the first turn on (before: only once a collection
 * had marked it, and a 100 MB string restored under an 8 MB limit answered
 * calls), and the restored tables' later growth is charged as any table's.
 */
final class Decoder {
    private final LuaState L;
    private final Map<String, Object> hostValues;
    private final FunctionCodec functions;
    private final Map<String, UserdataCodec<?>> codecs;
    private final Source in;

    private final ArrayList<Object> objects = new ArrayList<>();
    private final ArrayList<String> strings = new ArrayList<>();
    /** The first closure restored of each prototype, by prototype id: the template of the others. */
    private final ArrayList<LuaFunction> protos = new ArrayList<>();
    private final ArrayDeque<Object> work = new ArrayDeque<>();
    final List<String> warnings = new ArrayList<>();
    /** The host's extra root (version 3 snapshots), or null. */
    LuaTable extra;
    /**
     * Slots allocated so far for array parts, hash parts and upvalues. Each
     * slot is filled from at least one byte of input, so in a valid body this
     * never exceeds the body's length; checking it bounds what nested
     * announcements (each claiming "the rest of the input") could allocate.
     */
    private long claimed;
    /** Tables and userdata given a metatable, in restore order, for finalizer registration. */
    private final List<Object> withMetatable = new ArrayList<>();
    private final long bodyLength;
    /** What the state's memory limit leaves for the restore (Long.MAX_VALUE: no limit). */
    private final long room;
    /** Bytes of Lua values built so far, by the collector's model (see the class comment). */
    private long built;
    /** The host values' names (for the profile's check); the restoring state's profile. */
    private final HostIndex host;
    /**
     * A sandboxed snapshot restored into a trusted state (allowed): Lua
     * functions are read (to check and skip them) but replaced by
     * {@link #quarantined} stand-ins; see {@link org.luahost.persistence.Persister#restore(byte[], boolean)}.
     */
    private boolean quarantine;
    private String savedProfile;
    private int quarantinedCount;

    /** A userdata as a mark counts it (Gc's model), besides its payload's bytes. */
    private static final long USERDATA = 64;

    /** A table whose contents are still to be read, with its hash entry count. */
    private record PendingTable(LuaTable table, int nhash) {}

    private record RootChange(LuaTable table, Object[] keysAndValues, boolean metatableChanged, LuaTable metatable) {}

    Decoder(LuaState L, HostIndex host, FunctionCodec functions, Map<String, UserdataCodec<?>> codecs, Source in) {
        this.L = L;
        this.hostValues = host.byName();
        this.host = host;
        this.functions = functions;
        this.codecs = codecs;
        this.in = in;
        this.bodyLength = in.remaining();
        long limit = L.gc().limit();
        this.room = limit > 0 ? Math.max(0, limit - L.gc().inUse()) : Long.MAX_VALUE;
    }

    /** Counts bytes of a value about to be built (see the class comment); refuses past the room the limit leaves. */
    private void build(long bytes) {
        built += bytes;
        if (built > room) {
            long limit = L.gc().limit(), needed = L.gc().inUse() + built;
            throw new RestoreMemoryException("the snapshot holds more than the state's memory limit of " + mb(limit)
                    + " (at least " + mb(needed) + "); nothing was restored and the snapshot is kept: restore it "
                    + "under a higher limit", limit, needed);
        }
    }

    private static String mb(long bytes) {
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private void claim(long slots) {
        claimed += slots;
        if (claimed > bodyLength) throw in.corrupt("table and function sizes add up to more than the input");
    }

    int objectCount() { return objects.size(); }

    void decode(int version, boolean allowProfileChange) {
        checkProfile(version, allowProfileChange);
        int nroots = in.count("root count", 3);
        List<RootChange> changes = new ArrayList<>();
        for (int r = 0; r < nroots; r++) changes.add(readRoot());
        if (version >= 3) {
            if (!(readValue() instanceof LuaTable t)) throw in.corrupt("the extra root is not a table");
            extra = t;
        }
        while (!work.isEmpty()) readContents(work.pop());
        if (in.remaining() != 0) throw in.corrupt("trailing bytes after the last value");
        for (Object o : objects) {
            if (o instanceof LuaTable t) t.chargeTo(L.gc());   // their growth from now on, as any table's
        }
        for (RootChange c : changes) apply(c);
        registerFinalizers(changes);
        L.gc().charge(built);   // under the limit (build checked): counts until a collection measures it
        if (libraryChanged != null) {
            warnings.add(libraryChanged + "; restored because every host value it refers to exists here");
        }
        if (quarantine) {
            warnings.add(quarantinedCount + " functions of the " + savedProfile + " snapshot were replaced by functions that "
                    + "raise an error, and " + dropped + " changes to library tables were left out");
        }
    }

    /** The profile rule (see {@link org.luahost.persistence.Persister#restore(byte[], boolean)}). */
    private void checkProfile(int version, boolean allow) {
        String restoring = host.profile();
        if (version < 2) {
            savedProfile = "unknown";
            if (allow) {
                warnings.add("the snapshot does not record its profile (made by an older luahost); restored as "
                        + restoring + " because a change of profile is allowed");
                return;
            }
            throw new ProfileMismatchException("the snapshot does not record the profile it was made under (made by an "
                    + "older luahost), so it is not restored into a " + restoring + " state unless a change of profile is "
                    + "allowed (--allow-profile-change)", savedProfile, restoring);
        }
        savedProfile = readString();
        if (!savedProfile.equals("trusted") && !savedProfile.equals("sandboxed")) throw in.corrupt("unknown profile");
        long fingerprint = in.i64();
        boolean sameProfile = savedProfile.equals(restoring);
        if (sameProfile && fingerprint == host.fingerprint()) return;
        if (sameProfile && !allow) {
            // another library set under the same profile (a newer luahost with more host functions, a host
            // that registers other functions): no capability crosses a profile, so the snapshot is restored
            // as long as every host value it refers to still exists (see missingHostValue)
            libraryChanged = "the snapshot was made under the " + savedProfile + " profile with other libraries or host "
                    + "functions (library set " + hex(fingerprint) + ", this state's is " + hex(host.fingerprint()) + ")";
            return;
        }
        String what = sameProfile
                ? "the " + savedProfile + " profile with other libraries or host functions (library set "
                        + hex(fingerprint) + ", this state's is " + hex(host.fingerprint()) + ")"
                : "the " + savedProfile + " profile";
        if (!allow) {
            throw new ProfileMismatchException("the snapshot was made under " + what + " and is not restored into a "
                    + restoring + " state unless a change of profile is allowed (--allow-profile-change)",
                    savedProfile, restoring);
        }
        quarantine = !sameProfile && restoring.equals("trusted");
        warnings.add("the snapshot was made under " + what + "; restored into a " + restoring + " state because a "
                + "change of profile is allowed" + (quarantine ? "; its functions are not restored (they raise an "
                + "error when called) and it does not replace library values" : ""));
    }

    /**
     * Set (to the reason) when the snapshot's library set differs from this
     * state's under the same profile and a change was not allowed: a host
     * value or table the snapshot names that no longer exists then refuses
     * the restore ({@link #missingHostValue}) instead of becoming nil.
     */
    private String libraryChanged;

    /** A host value or table the snapshot names is missing: a warning, or the refusal (see libraryChanged). */
    private void missingHostValue(String warning) {
        if (libraryChanged != null) {
            throw new ProfileMismatchException(libraryChanged + " and is not restored: " + warning.replace("; restored as nil", "")
                    .replace("; its saved changes were dropped", "") + " (restore with a change of profile allowed, "
                    + "--allow-profile-change, to drop it)", savedProfile, host.profile());
        }
        warnings.add(warning);
    }

    private static String hex(long v) { return String.format("%016x", v); }

    /** The stand-in of a Lua function of a sandboxed snapshot restored into a trusted state. */
    private LuaFunction quarantined() {
        quarantinedCount++;
        return HostIndex.QUARANTINED;
    }

    /**
     * Objects whose metatable has {@code __gc} are registered for finalization,
     * as {@code setmetatable} registers them (the metatables are complete only
     * now). The original registration order is not saved; restore order is used.
     */
    private void registerFinalizers(List<RootChange> changes) {
        for (Object o : withMetatable) {
            LuaTable mt = o instanceof LuaTable t ? t.getMetatable() : ((LuaUserdata) o).metatable;
            L.gc().registered(o, mt);
        }
        for (RootChange c : changes) {
            if (c.table() != null && c.metatableChanged() && !quarantine) L.gc().registered(c.table(), c.metatable());
        }
    }

    private RootChange readRoot() {
        String name = readString();
        Object target = hostValues.get(name);
        int n = in.count("entry count", 2);
        claim(2L * n);
        Object[] kv = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            kv[2 * i] = readKey();
            kv[2 * i + 1] = readValue();
        }
        int flag = in.u8();
        if (flag > 1) throw in.corrupt("bad metatable flag");
        LuaTable mt = flag == 1 ? readMetatable() : null;
        if (!(target instanceof LuaTable t)) {
            missingHostValue("host table '" + name + "' no longer exists; its saved changes were dropped");
            return new RootChange(null, kv, false, null);
        }
        return new RootChange(t, kv, flag == 1, mt);
    }

    private void apply(RootChange c) {
        if (c.table() == null) return;
        Object[] kv = c.keysAndValues();
        for (int i = 0; i < kv.length; i += 2) {
            if (quarantine && c.table().rawget(kv[i]) != null) {
                // before the script runs, what a root table holds is the host's: a library value the
                // sandbox replaced or removed; the trusted state's stays
                dropped++;
                continue;
            }
            c.table().rawset(kv[i], kv[i + 1]);
        }
        if (c.metatableChanged()) {
            if (quarantine) dropped++;
            else c.table().setMetatable(c.metatable());
        }
    }

    /** Root changes left out under quarantine (replaced library values, metatables on library tables). */
    private int dropped;

    // ---------------------------------------------------------------- values

    private Object readValue() {
        int tag = in.u8();
        return switch (tag) {
            case Tags.NIL -> null;
            case Tags.FALSE -> Boolean.FALSE;
            case Tags.TRUE -> Boolean.TRUE;
            case Tags.INT -> in.zigzag();
            case Tags.FLOAT -> Double.longBitsToDouble(in.i64());
            case Tags.STR, Tags.STRREF -> stringAfterTag(tag);
            case Tags.HOST -> hostValue();
            case Tags.REF -> {
                Object o = object();
                if (o instanceof Upvalue) throw in.corrupt("an upvalue cell used as a value");
                yield o;
            }
            case Tags.TABLE -> newTable();
            case Tags.CLOSURE -> newClosure();
            case Tags.CLOSURE_NEW_PROTO -> newClosureWithProto();
            case Tags.USERDATA -> newUserdata();
            default -> throw in.corrupt("unknown tag " + tag);
        };
    }

    private Object readKey() {
        Object k = readValue();
        if (k == null) throw in.corrupt("nil table key");
        if (k instanceof Double d && d.isNaN()) throw in.corrupt("NaN table key");
        return k;
    }

    private LuaTable readMetatable() {
        Object mt = readValue();
        if (mt != null && !(mt instanceof LuaTable)) throw in.corrupt("a metatable that is not a table");
        return (LuaTable) mt;
    }

    private String readString() {
        int tag = in.u8();
        if (tag != Tags.STR && tag != Tags.STRREF) throw in.corrupt("string expected");
        return stringAfterTag(tag);
    }

    private String stringAfterTag(int tag) {
        if (tag == Tags.STRREF) {
            long id = in.varint();
            if (id < 0 || id >= strings.size()) throw in.corrupt("string reference out of range");
            return strings.get((int) id);
        }
        int len = in.count("string length", 1);
        if (len > Gc.SHORT_STRING) build(Gc.stringBytes(len));
        String s = in.latin1(len);
        strings.add(s);
        return s;
    }

    private Object object() {
        long id = in.varint();
        if (id < 0 || id >= objects.size()) throw in.corrupt("object reference out of range");
        return objects.get((int) id);
    }

    private Object hostValue() {
        String name = readString();
        Object v = hostValues.get(name);
        if (v == null) missingHostValue("host value '" + name + "' no longer exists; restored as nil");
        // data only: a library function the sandbox kept in its data (lib = {req = require}) is the trusted
        // state's more capable one here, and restored metatables could call it; it becomes the stand-in too
        if (quarantine && v instanceof LuaFunction) return quarantined();
        return v;
    }

    private LuaTable newTable() {
        int asize = in.count("array size", 1);
        int nhash = in.count("hash size", 2);
        claim(asize + 2L * nhash);
        LuaTable t = new LuaTable(asize, nhash);
        build(Gc.tableBytes(t.arraySize(), t.hashCapacity()));
        objects.add(t);
        work.push(new PendingTable(t, nhash));
        return t;
    }

    private LuaFunction newClosure() {
        long pid = in.varint();
        if (pid < 0 || pid >= protos.size()) throw in.corrupt("function prototype reference out of range");
        LuaFunction template = protos.get((int) pid);
        int nups = upvalueCount();
        if (nups != FunctionImages.upvalueCount(template)) throw in.corrupt("upvalue count does not match the prototype");
        return pushed(FunctionImages.sibling(template));
    }

    private LuaFunction newClosureWithProto() {
        String chunkName = readString();
        String bytes = in.latin1(in.count("function length", 1));
        int nups = upvalueCount();
        LuaFunction c;
        try {
            c = functions.load(L, bytes, chunkName, nups);
        } catch (RuntimeException | StackOverflowError e) {
            throw new CorruptSnapshotException("corrupt snapshot: bad function at byte " + in.position() + ": " + e.getMessage(), e);
        }
        if (FunctionImages.upvalueCount(c) != nups) throw in.corrupt("upvalue count does not match the function");
        protos.add(c);
        return pushed(c);
    }

    private int upvalueCount() {
        int n = in.count("upvalue count", 1);
        if (n > 255) throw in.corrupt("more than 255 upvalues");
        claim(n);
        return n;
    }

    /**
     * A new closure: its upvalues are read later. Under quarantine the state
     * gets a stand-in and the closure itself is read and dropped.
     */
    private LuaFunction pushed(LuaFunction c) {
        build(Gc.closureBytes(FunctionImages.upvalueCount(c)));
        LuaFunction v = quarantine ? quarantined() : c;
        objects.add(v);
        work.push(c);
        return v;
    }

    private LuaUserdata newUserdata() {
        String name = readString();
        int len = in.count("userdata length", 1);
        build(USERDATA + len);
        byte[] b = in.bytes(len);
        UserdataCodec<?> codec = codecs.get(name);
        if (codec == null) throw new CorruptSnapshotException("cannot restore a userdata: no codec named '" + name + "' is registered");
        Object payload;
        try {
            payload = codec.decode(b);
        } catch (RuntimeException e) {
            throw new CorruptSnapshotException("corrupt snapshot: codec '" + name + "' rejected its data: " + e.getMessage(), e);
        }
        LuaUserdata u = new LuaUserdata(payload, null);
        objects.add(u);
        work.push(u);
        return u;
    }

    // ---------------------------------------------------------------- contents

    private void readContents(Object o) {
        switch (o) {
            case PendingTable p -> readTable(p);
            case LuaFunction c -> readUpvalues(c);
            case Upvalue cell -> cell.set(readValue());
            case LuaUserdata u -> {
                u.metatable = readMetatable();
                u.userValue = readValue();
                if (u.metatable != null) withMetatable.add(u);
            }
            default -> throw new IllegalStateException(o.getClass().getName());
        }
    }

    private void readTable(PendingTable p) {
        LuaTable t = p.table();
        int n = t.arraySize();
        for (int i = 1; i <= n; i++) {
            Object v = readValue();
            if (v != null) t.rawset(i, v);
        }
        for (int i = 0; i < p.nhash(); i++) {
            Object k = readKey();
            t.rawset(k, readValue());
        }
        LuaTable mt = readMetatable();
        t.setMetatable(mt);
        if (mt != null) withMetatable.add(t);
    }

    private void readUpvalues(LuaFunction c) {
        int n = FunctionImages.upvalueCount(c);
        for (int i = 0; i < n; i++) {
            int tag = in.u8();
            switch (tag) {
                case Tags.NIL -> FunctionImages.setUpvalue(c, i, null);
                case Tags.REF -> {
                    if (!(object() instanceof Upvalue cell)) throw in.corrupt("an upvalue that is not a cell");
                    FunctionImages.setUpvalue(c, i, cell);
                }
                case Tags.CELL -> {
                    Upvalue cell = FunctionImages.newUpvalue();
                    objects.add(cell);
                    work.push(cell);
                    FunctionImages.setUpvalue(c, i, cell);
                }
                default -> throw in.corrupt("upvalue expected");
            }
        }
    }
}
