package org.luahost.vm;

import java.util.Arrays;

/**
 * A Lua table: an array part for the keys 1..n and a hash part for the rest.
 *
 * <p>Keys are normalised as Lua requires: a float with an integral value is
 * stored as the integer ({@code t[1.0]} is {@code t[1]}). The hash part is
 * open addressing with linear probing; removing a key keeps it as a
 * tombstone (its value set to nil) so that {@code next} may continue a
 * traversal during which fields were cleared, as the manual allows.
 *
 * <p>Keys are placed by Java's hash codes (strings cache theirs), spread.
 * Those are public, so keys can be made to collide (thousands of strings
 * with one hash code, from a client's JSON or a script): an insertion that
 * has to walk past more than {@link #HARDEN_PROBES} occupied slots switches
 * the table for good to a keyed hash for strings, integers and floats
 * ({@link KeyedHash}, {@link #hardened}) and re-places its keys, so an
 * attacker's keys no longer pile up.
 *
 * <p>The array part is sized the way the reference sizes it (on a rehash, the
 * largest power of two n such that more than half of 1..n are in use), so that
 * the border {@code #t} returns for tables with holes agrees with
 * {@code lua5.4} in the common cases.
 *
 * <p>Not thread-safe: a table belongs to one Lua state, used by one thread at
 * a time.
 */
public final class LuaTable {
    private static final Object[] EMPTY = new Object[0];

    Object[] array = EMPTY;
    /** Number of array slots in use as the array part: keys 1..asize live in array[0..asize-1]. */
    int asize;
    /**
     * The hash part, keys and values interleaved: slot i's key at [2i] and its value at
     * [2i+1] (one array, and a key's value on the same cache line). Null when empty;
     * its length is twice a power of two.
     */
    Object[] hash;
    /**
     * A 64-bit Bloom filter of the string keys in the hash part ({@link FieldCache#bit}):
     * a key whose bit is clear is certainly absent. Bits are only added while the hash
     * part lives (a removed key keeps its bit) and recomputed when it is rebuilt.
     */
    long keyBits;
    private int hused;        // occupied key slots, tombstones included
    /** Key slots of the hash part holding integers in 1..2^30 (tombstones included): when 0, no rehash has to count keys for the array part. */
    private int intKeys;
    private LuaTable metatable;
    /** Bits set for metamethods known to be absent when this table is a metatable; reset on writes. */
    public byte absentFlags;
    /** The epoch of the last Lua collection that marked this table ({@link Gc}). */
    int gcMark;
    /**
     * When not -1: the array part is exactly array[0..border-1] in use and the rest nil,
     * so {@code #t} is border without a search (appending with t[#t+1] stays O(1)).
     * -1 when unknown; anything that writes the array part other than rawset keeps it
     * right or sets it to -1.
     */
    int border;
    long version;
    /** Whether strings, integers and floats are placed by {@link KeyedHash} (after colliding keys; never reset). */
    boolean hardened;
    /** An insertion walking past more occupied slots than this hardens the table. */
    static final int HARDEN_PROBES = 1000;

    public LuaTable() {}

    /** The collector whose allocation counter this table's growth is charged to (null: not charged). */
    private Gc acct;

    /** A table charged to gc's allocation counter, now and as it grows (see {@link Gc}). */
    public LuaTable(Gc gc, int narray, int nhash) {
        this(narray, nhash);
        acct = gc;
        gc.charge(Gc.tableBytes(asize, hashCapacity()));
    }

    /** From now on this table's growth is charged to gc's allocation counter (a table made before its state, or by a host). */
    public void chargeTo(Gc gc) { acct = gc; }

    public LuaTable(int narray, int nhash) {
        if (narray > 0) { array = new Object[narray]; asize = narray; }
        if (nhash > 0) allocHash(nhash);
    }

    /** Keeps {@link #border} right after array[k-1] = value (k in the array part). */
    private void trackBorder(long k, Object value) {
        int b = border;
        if (value != null) {
            if (k > b) border = b >= 0 && k == b + 1 ? (int) k : -1;
        } else if (k <= b) {
            border = k == b ? b - 1 : -1;
        }
    }

    /** Recomputes {@link #border} from the array part (after a resize, which is O(n) anyway). */
    private void scanBorder() {
        int n = asize, b = 0;
        Object[] a = array;
        while (b < n && a[b] != null) b++;
        for (int i = b + 1; i < n; i++) {
            if (a[i] != null) { border = -1; return; }
        }
        border = b;
    }

    /** Size of the array part: keys 1..arraySize() are stored by position (for serializers, which keep the layout). */
    public int arraySize() { return asize; }

    /** Number of non-nil entries in the hash part (for serializers; walks the hash part). */
    public int hashCount() { return liveHashEntries(); }

    public LuaTable getMetatable() { return metatable; }

    public void setMetatable(LuaTable mt) {
        this.metatable = mt;
        version++;
    }

    /**
     * Changes whenever a string key's value or the metatable changes (or the
     * collector clears a weak entry): what the interpreter's method-lookup caches
     * check to know that an {@code __index} chain still gives the same result.
     */
    public long version() { return version; }

    // ---------------------------------------------------------------- raw get

    public Object rawget(Object key) {
        if (key instanceof Long l) return rawget(l.longValue());
        if (key instanceof String s) return rawget(s);
        if (key instanceof Double d) {
            double v = d;
            long l = (long) v;
            if (l == v && !(l == Long.MAX_VALUE)) return rawget(l);
        }
        if (key == null || hash == null) return null;
        int j = find(key);
        return j < 0 ? null : hash[j + 1];
    }

    public Object rawget(long k) {
        if (k - 1 < asize && k >= 1) return array[(int) (k - 1)];
        Object[] h = hash;
        if (h == null) return null;
        int mask = h.length - 1;
        for (int j = (startLong(k) << 1) & mask; ; j = (j + 2) & mask) {
            Object o = h[j];
            if (o == null) return null;
            if (o instanceof Long l && l == k) return h[j + 1];
        }
    }

    public Object rawget(String k) {
        Object[] hs = hash;
        if (hs == null) return null;
        int mask = hs.length - 1;
        int h = k.hashCode();
        for (int j = (startString(k, h) << 1) & mask; ; j = (j + 2) & mask) {
            Object o = hs[j];
            if (o == null) return null;
            // strings cache their hash: comparing it first keeps a miss from comparing contents
            if (o == k || (o instanceof String s && s.hashCode() == h && s.equals(k))) return hs[j + 1];
        }
    }

    // ---------------------------------------------------------------- raw set

    /**
     * Sets a field without metamethods. The caller has checked that the key is
     * neither nil nor NaN (those are Lua errors raised by the VM).
     */
    public void rawset(Object key, Object value) {
        if (key instanceof Long l) { rawset(l.longValue(), value); return; }
        if (key instanceof Double d) {
            double v = d;
            long l = (long) v;
            if (l == v && !(l == Long.MAX_VALUE && v >= 0x1p63)) { rawset(l, value); return; }
        }
        if (key instanceof String s) { absentFlags = 0; version++; }
        hashSet(key, value);
    }

    public void rawset(long k, Object value) {
        if (k - 1 < asize && k >= 1) {
            array[(int) (k - 1)] = value;
            trackBorder(k, value);
            return;
        }
        if (k == asize + 1 && k <= Integer.MAX_VALUE - 8 && value != null && (hash == null || rawgetHashLong(k) == null)) {
            appendArray(value);
            return;
        }
        hashSet(k, value);
    }

    public void rawset(String k, Object value) {
        absentFlags = 0;
        version++;
        Object[] hs = hash;
        if (hs != null) {
            // an existing key is updated in place (the common case: obj.field = v)
            int mask = hs.length - 1;
            int h = k.hashCode();
            for (int j = (startString(k, h) << 1) & mask; ; j = (j + 2) & mask) {
                Object o = hs[j];
                if (o == null) break;
                if (o == k || (o instanceof String s && s.hashCode() == h && s.equals(k))) {
                    hs[j + 1] = value;
                    return;
                }
            }
        }
        hashSet(k, value);
    }

    private Object rawgetHashLong(long k) {
        Object[] h = hash;
        int mask = h.length - 1;
        for (int j = (startLong(k) << 1) & mask; h[j] != null; j = (j + 2) & mask) {
            if (h[j] instanceof Long l && l == k) return h[j + 1];
        }
        return null;
    }

    private void appendArray(Object value) {
        // The array part is always full (array.length == asize): growing it is a rehash in
        // the reference, and the same sizing rule is used here.
        int n = asize;
        if (hash == null && border == n && n < (1 << 29)) {
            // Keys exactly 1..n and no hash part: the sizing rule gives the smallest power of
            // two above n for the array and no hash part, so grow without counting keys.
            int cap = n == 0 ? 1 : Integer.highestOneBit(n) << 1;
            if (acct != null) acct.charge(16L * (cap - n));   // before the table changes (the charge may raise "not enough memory")
            array = Arrays.copyOf(array, cap);
            asize = cap;
            array[n] = value;
            border = n + 1;
            return;
        }
        rehash(asize + 1L, value);
    }

    private void hashSet(Object key, Object value) {
        if (hash != null) {
            int j = find(key);
            if (j >= 0) { hash[j + 1] = value; return; }
        }
        if (value == null) return;
        if (hash == null || (hused + 1) * 8 > hash.length * 3) {
            rehash(key, value);
            return;
        }
        insertNew(key, value);
    }

    private void insertNew(Object key, Object value) {
        Object[] h = hash;
        int mask = h.length - 1;
        int j = (start(key) << 1) & mask;
        int walked = 0;
        while (h[j] != null) {
            j = (j + 2) & mask;
            walked++;
        }
        h[j] = key;
        h[j + 1] = value;
        hused++;
        if (key instanceof String str) keyBits |= FieldCache.bit(str);
        else if (key instanceof Long l && l >= 1 && l <= (1 << 30)) intKeys++;
        if (walked > HARDEN_PROBES && !hardened) harden();
    }

    /** Switches to the keyed hash and re-places every entry (same capacity; tombstones dropped). */
    private void harden() {
        hardened = true;
        Object[] old = hash;
        hash = new Object[old.length];
        hused = 0;
        keyBits = 0;
        intKeys = 0;
        for (int j = 0; j < old.length; j += 2) if (old[j] != null && old[j + 1] != null) insertNew(old[j], old[j + 1]);
        version++;
    }

    /** The index in {@link #hash} of key's slot (its value at the next index), or -1. */
    private int find(Object key) {
        Object[] h = hash;
        int mask = h.length - 1;
        if (key instanceof LuaTable) {
            // a table key equals only itself: no equals() call on the keys probed past
            for (int j = (spread(System.identityHashCode(key)) << 1) & mask; ; j = (j + 2) & mask) {
                Object o = h[j];
                if (o == key) return j;
                if (o == null) return -1;
            }
        }
        for (int j = (start(key) << 1) & mask; ; j = (j + 2) & mask) {
            Object o = h[j];
            if (o == null) return -1;
            if (o == key || o.equals(key)) return j;
        }
    }

    // ---------------------------------------------------------------- rehash

    /** Re-sizes both parts to fit the current keys plus {@code extraKey}, then stores it. */
    private void rehash(Object extraKey, Object extraValue) {
        boolean extraInt = extraKey instanceof Long l && l >= 1 && l <= (1 << 30);
        if (asize == 0 && intKeys == 0 && !extraInt) {
            // no candidate for the array part (the common case of records and sets keyed by
            // strings or objects): only the hash part's live entries need counting
            resize(0, liveHashEntries() + 1);
        } else {
            sizeBothParts(extraKey, extraInt);
        }
        if (extraValue != null) rawsetNoRehash(extraKey, extraValue);
    }

    /** The reference's computesizes: the largest n = 2^i with more than n/2 integer keys in 1..n, then resize. */
    private void sizeBothParts(Object extraKey, boolean extraInt) {
        int[] nums = new int[31];   // nums[i] = number of integer keys k with 2^(i-1) < k <= 2^i (k <= 2^30)
        int totalInt = 0;
        int total = 0;
        Object[] arr = array;
        for (int i = 0, n = asize; i < n; i++) {
            if (arr[i] != null) { nums[ceilLog2(i + 1)]++; totalInt++; total++; }
        }
        Object[] h = hash;
        if (h != null) {
            for (int j = 0; j < h.length; j += 2) {
                if (h[j] != null && h[j + 1] != null) {
                    total++;
                    if (h[j] instanceof Long l && l >= 1 && l <= (1 << 30)) { nums[ceilLog2(l)]++; totalInt++; }
                }
            }
        }
        total++;
        if (extraInt) { nums[ceilLog2((Long) extraKey)]++; totalInt++; }
        int a = 0, na = 0, optimal = 0;
        for (int i = 0, twotoi = 1; i < nums.length && totalInt > twotoi / 2; i++, twotoi *= 2) {
            a += nums[i];
            if (a > twotoi / 2) { optimal = twotoi; na = a; }
        }
        resize(optimal, total - na);
    }

    /** Number of keys with a non-nil value in the hash part. */
    private int liveHashEntries() {
        Object[] h = hash;
        if (h == null) return 0;
        int n = 0;
        for (int j = 1; j < h.length; j += 2) if (h[j] != null) n++;
        return n;
    }

    private void rawsetNoRehash(Object key, Object value) {
        if (key instanceof Long l && l >= 1 && l <= asize) {
            array[(int) (l - 1)] = value;
            trackBorder(l, value);
            return;
        }
        if (hash == null || (hused + 1) * 8 > hash.length * 3) growHashOnly();
        insertNew(key, value);
    }

    private void growHashOnly() {
        Object[] old = hash;
        int oldCap = old == null ? 0 : old.length / 2;
        allocHash(old == null ? 1 : oldCap);
        if (old != null) for (int j = 0; j < old.length; j += 2) if (old[j] != null && old[j + 1] != null) insertNew(old[j], old[j + 1]);
        if (acct != null) acct.charge(32L * (hashCapacity() - oldCap));
    }

    private void resize(int newAsize, int nhash) {
        Object[] oldArray = array;
        int oldAsize = asize;
        Object[] old = hash;
        if (acct != null) chargeResize(oldAsize, old == null ? 0 : old.length / 2, newAsize, nhash);
        if (newAsize != oldAsize) {
            array = newAsize == 0 ? EMPTY : Arrays.copyOf(oldArray, newAsize);
            asize = newAsize;
        }
        hash = null; hused = 0; keyBits = 0; intKeys = 0;
        if (nhash > 0) allocHash(nhash);
        // array items beyond the new size move to the hash part
        for (int i = newAsize; i < oldAsize; i++) {
            if (oldArray[i] != null) rawsetNoRehash((long) (i + 1), oldArray[i]);
        }
        if (old != null) {
            for (int j = 0; j < old.length; j += 2) {
                if (old[j] != null && old[j + 1] != null) rawsetNoRehash(old[j], old[j + 1]);
            }
        }
        scanBorder();
    }

    /** Charges the growth of a resize to the collector, before the table changes (the charge may raise "not enough memory"). */
    private void chargeResize(int oldAsize, int oldCap, int newAsize, int nhash) {
        int cap = 0;
        if (nhash > 0) { cap = 4; while (cap * 3 < nhash * 4 + 4) cap <<= 1; }
        long grown = 16L * (newAsize - oldAsize) + 32L * (cap - oldCap);
        if (grown > 0) acct.charge(grown);
    }

    private void allocHash(int n) {
        int cap = 4;
        while (cap * 3 < n * 4 + 4) cap <<= 1;
        hash = new Object[2 * cap];
        hused = 0;
        keyBits = 0;
        intKeys = 0;
    }

    private static int ceilLog2(long x) {   // ceil(log2(x)) for x >= 1
        return x <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(x - 1);
    }

    // ---------------------------------------------------------------- hashing

    static int spread(int h) { return (h ^ (h >>> 16)) * 0x9E3779B1; }

    /**
     * Integers (and floats' bits): MurmurHash3's 64-bit finaliser, so keys
     * that differ only in high bits (multiples of 1024 or of 2^32, floats such
     * as i + 0.5 whose low mantissa bits are all zero) still spread over the
     * low bits the slot mask keeps; folding the key's halves and multiplying
     * made many of those share a slot.
     */
    private static int hashLong(long k) {
        long z = (k ^ (k >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return (int) (z ^ (z >>> 33));
    }

    /** Where key's probe starts (before the mask). */
    private int start(Object key) {
        if (key instanceof Long l) return startLong(l);
        if (key instanceof String s) return startString(s, s.hashCode());
        if (key instanceof Double d) return startLong(Double.doubleToRawLongBits(d));
        if (key instanceof LuaTable) return spread(System.identityHashCode(key));   // its hashCode(), without the call
        return spread(key.hashCode());
    }

    /** Where string key k's probe starts, h being k.hashCode(). */
    int startString(String k, int h) { return hardened ? KeyedHash.of(k) : spread(h); }

    private int startLong(long k) { return hardened ? KeyedHash.of(k) : hashLong(k); }

    // ---------------------------------------------------------------- length and traversal

    // ---------------------------------------------------------------- for the value-graph walk and the collector

    /**
     * The number of slots of the hash part, for walking it slot by slot with
     * {@link #hashKeyAt} and {@link #hashValueAt} (the order {@link #next} gives).
     * For {@link org.luahost.vm.spi.ValueGraph} and the collector; read-only.
     */
    public int hashCapacity() { return hash == null ? 0 : hash.length >> 1; }

    /** The key in hash slot i (null: empty slot; a removed entry keeps its key, with a null value). */
    public Object hashKeyAt(int i) { return hash[2 * i]; }

    /** The value in hash slot i (null: empty slot or removed entry). */
    public Object hashValueAt(int i) { return hash[2 * i + 1]; }

    /** Removes the entry in hash slot i, keeping its key so that a traversal may go on past it. */
    void clearHashAt(int i) {
        hash[2 * i + 1] = null;
        version++;
    }

    /**
     * Copies the values at keys 1..n to {@code dst[off..off+n-1]} when all those keys
     * lie in the array part ({@code n <= arraySize()}); otherwise copies nothing and
     * returns false. For bulk readers such as {@code table.sort}.
     */
    public boolean copyArrayTo(int n, Object[] dst, int off) {
        if (n > asize || n < 0) return false;
        System.arraycopy(array, 0, dst, off, n);
        return true;
    }

    /**
     * Stores {@code src[off..off+n-1]} at keys 1..n, which must lie in the array part and
     * hold non-nil values, all replaced by non-nil values (a permutation, as
     * {@code table.sort} writes back), so the border stays as it is.
     */
    public void putArrayFrom(int n, Object[] src, int off) {
        if (n > asize || n < 0) throw new IllegalArgumentException("keys 1.." + n + " are not all in the array part");
        System.arraycopy(src, off, array, 0, n);
    }

    /**
     * Grows the array part to at least {@code n} slots (the reference's SETLIST with a
     * variable number of values does this before storing them).
     */
    public void ensureArray(int n) {
        if (n <= asize) return;
        resize(n, hashCount());
    }

    /** The border {@code #t} returns (without {@code __len}). */
    public long length() {
        int n = asize;
        if (n > 0 && array[n - 1] == null) {
            if (border >= 0) return border;   // the only border of the array part
            // as luaH_getn: if the slot before the last one is in use, that is the border
            if (n >= 2 && array[n - 2] != null) return n - 1;
            // binary search for a border inside the array part
            int lo = 0, hi = n;   // array[lo-1] non-nil (or lo == 0), array[hi-1] nil
            if (array[0] == null) return 0;
            lo = 1;
            while (hi - lo > 1) {
                int m = (lo + hi) >>> 1;
                if (array[m - 1] == null) hi = m; else lo = m;
            }
            return lo;
        }
        if (hash == null) return n;
        return hashBorder(n);
    }

    private long hashBorder(long j) {
        long i = j;
        j = j + 1;
        if (rawget(j) == null) return i;
        while (rawget(j) != null) {
            i = j;
            if (j > Long.MAX_VALUE / 2) {
                long k = 1;
                while (rawget(k) != null) k++;
                return k - 1;
            }
            j *= 2;
        }
        while (j - i > 1) {
            long m = (i + j) >>> 1;
            if (rawget(m) == null) j = m; else i = m;
        }
        return i;
    }

    /**
     * The Lua {@code next}: fills {@code out[0..1]} with the key and value after
     * {@code key} (nil starts), returns false at the end. Throws
     * {@link IllegalArgumentException} if key is not in the table.
     */
    public boolean next(Object key, Object[] out) { return nextFrom(-1, key, out) >= 0; }

    /**
     * As {@link #next}, for a traversal that keeps its place: pos is where the previous step
     * found key (its result), or -1. When key is still at pos (an array index, or the same key
     * object in that hash slot: the table was not rebuilt since) the step starts there without
     * looking key up. Returns the position of the key put in out[0], or -1 at the end.
     */
    public int nextFrom(int pos, Object key, Object[] out) {
        int i = 0;
        if (key != null) {
            i = (pos >= 0 && at(pos, key) ? pos : indexOf(key)) + 1;
        }
        for (; i < asize; i++) {
            if (array[i] != null) { out[0] = (long) (i + 1); out[1] = array[i]; return i; }
        }
        Object[] hs = hash;
        if (hs != null) {
            for (int j = 2 * (i - asize); j < hs.length; j += 2) {
                if (hs[j] != null && hs[j + 1] != null) { out[0] = hs[j]; out[1] = hs[j + 1]; return asize + (j >> 1); }
            }
        }
        return -1;
    }

    /** Whether key is at traversal position pos now. */
    private boolean at(int pos, Object key) {
        if (pos < asize) return key instanceof Long l && l == pos + 1;
        int j = 2 * (pos - asize);
        Object[] hs = hash;
        return hs != null && j < hs.length && hs[j] == key;
    }

    /** Position of key in traversal order: array index, or asize + hash slot. */
    private int indexOf(Object key) {
        if (key instanceof Double d) {
            double v = d;
            long l = (long) v;
            if (l == v && !(l == Long.MAX_VALUE && v >= 0x1p63)) key = l;   // 2^63 saturates to maxinteger: a float key
        }
        if (key instanceof Long l && l >= 1 && l <= asize) return (int) (l - 1);
        if (hash != null) {
            int j = find(key);
            if (j >= 0) return asize + (j >> 1);
        }
        throw new IllegalArgumentException("invalid key to 'next'");
    }

    @Override
    public final boolean equals(Object o) { return this == o; }

    @Override
    public final int hashCode() { return System.identityHashCode(this); }
}
