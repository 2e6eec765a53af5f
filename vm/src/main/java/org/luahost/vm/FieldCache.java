package org.luahost.vm;

/**
 * The inline cache of one place in a Lua program that reads or writes a table
 * field by a constant string key ({@code obj.name}, {@code obj.name = v},
 * {@code obj:name(...)}, a global). For the interpreter; not part of the
 * embedding API.
 *
 * <p>It remembers the hash slot where the key was last found. Tables built
 * the same way (the objects of one constructor, the globals) put a key in the
 * same slot, so at a monomorphic place a read is a guard (the slot holds this
 * very key object) and an array load, whatever table it meets. Constant keys
 * are interned by the compiler, and a slot found holding an equal but distinct
 * string gets the interned one instead (strings are values: nothing in Lua can
 * tell them apart), so the guard keeps hitting after the first miss.
 *
 * <p>An absent key is proved absent by the table's Bloom filter of string
 * keys ({@code LuaTable.keyBits}) in one test, which makes the first step of a
 * method call through {@code __index} (the object itself lacks the method)
 * cheap as well.
 *
 * <p>Nothing here can go stale: every answer is checked against the table it
 * is given, so rawset, removal by nil, {@code next} order, {@code #} and
 * metatables are untouched; a wrong slot only costs the ordinary probe.
 *
 * <p>Threads: the slot is written while Lua code runs, without
 * synchronisation; a state's code runs on one thread at a time, and any int
 * read is a valid hint.
 */
public final class FieldCache {
    /** The key, interned. */
    public final String key;
    private final long bit;
    private final int hash;
    /**
     * Where the key was last found: its index in the table's hash array
     * ({@code LuaTable.hash}, keys at even indexes, each value just after its key;
     * any value is a safe hint).
     */
    private int slot;

    public FieldCache(String key) {
        this.key = key.intern();
        this.hash = key.hashCode();
        this.bit = bit(key);
    }

    /** The key's bit in {@code LuaTable.keyBits}: 6 hash bits that the slot index does not use first. */
    static long bit(String k) {
        return 1L << (LuaTable.spread(k.hashCode()) >>> 26);
    }

    /** t.rawget(key). */
    public Object get(LuaTable t) {
        Object[] h = t.hash;
        if (h == null) return null;
        int j = slot & (h.length - 2);
        if (h[j] == key) return h[j + 1];
        if ((t.keyBits & bit) == 0) return null;
        j = find(t, h);
        return j < 0 ? null : h[j + 1];
    }

    /**
     * Where the key was last found (its index in the table's hash array), for compiled code that bakes it into a
     * call of {@link #at} (a hint like the cache's own: any value is safe).
     */
    public int slotHint() { return slot; }

    /**
     * The raw value of key in o when o is a table whose hash array holds this very
     * (interned) key object at index {@code slot}, else null; null also when the value
     * there is nil, so a null answer only says "take the full path". The check
     * of the compiled tier's per-site caches: the slot and the key are constants
     * of the compiled code, so a hit is one guard and two loads.
     */
    public static Object at(Object o, String key, int slot) {
        if (o instanceof LuaTable t) {
            Object[] h = t.hash;
            // an even index only (keys' places; a constant test in compiled code)
            if ((slot & 1) == 0 && h != null && slot + 1 < h.length && h[slot] == key) return h[slot + 1];
        }
        return null;
    }

    /**
     * o[key] = v when o is a table whose hash array holds the key at index {@code slot} with
     * a non-nil value (so neither {@code __newindex} nor a new entry is involved):
     * stores as {@link #setExisting} and returns true; otherwise changes nothing
     * and returns false.
     */
    public static boolean setAt(Object o, String key, int slot, Object v) {
        if (o instanceof LuaTable t) {
            Object[] h = t.hash;
            if ((slot & 1) == 0 && h != null && slot + 1 < h.length && h[slot] == key) {
                if (h[slot + 1] != null) {
                    h[slot + 1] = v;
                    t.absentFlags = 0;
                    t.version++;
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether t certainly has no entry for the key (false: it may have one). */
    public boolean surelyAbsent(LuaTable t) {
        return t.hash == null || (t.keyBits & bit) == 0;
    }

    /**
     * t.rawset(key, v) when the key is present with a non-nil value (so neither
     * {@code __newindex} nor a new entry is involved) and returns true; otherwise
     * changes nothing and returns false.
     */
    public boolean setExisting(LuaTable t, Object v) {
        Object[] h = t.hash;
        if (h == null) return false;
        int j = slot & (h.length - 2);
        if (h[j] != key) {
            if ((t.keyBits & bit) == 0 || (j = find(t, h)) < 0) return false;
        }
        if (h[j + 1] == null) return false;
        h[j + 1] = v;
        t.absentFlags = 0;
        t.version++;
        return true;
    }

    /** The probe of LuaTable.rawget(String), remembering where the key is; its index in hs, -1 when absent. */
    private int find(LuaTable t, Object[] hs) {
        int mask = hs.length - 1;
        int h = hash;
        String k = key;
        for (int j = (t.startString(k, h) << 1) & mask; ; j = (j + 2) & mask) {
            Object o = hs[j];
            if (o == null) return -1;
            if (o == k || (o instanceof String s && s.hashCode() == h && s.equals(k))) {
                hs[j] = k;   // the interned twin: the guard hits next time
                slot = j;
                return j;
            }
        }
    }
}
