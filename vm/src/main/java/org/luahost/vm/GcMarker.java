package org.luahost.vm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.spi.Edges;
import org.luahost.vm.spi.Upvalue;
import org.luahost.vm.spi.ValueGraph;

/**
 * One collection's marks ({@link Gc}), over the edges {@link ValueGraph} defines:
 * tables and functions carry the epoch; other objects go in a set. Gray objects
 * wait on an explicit stack. What is particular to the collector is how a table's
 * edges are followed, by its {@code __mode}: weak values are not marked through,
 * weak keys make the table an ephemeron (a value is marked only once its key is),
 * and the weak tables are listed for clearing. While marking it adds up the
 * estimated size of what it reaches ({@link #bytes}), which becomes the state's
 * live-data estimate.
 */
final class GcMarker implements Edges {
    final int epoch;
    final ArrayDeque<Object> gray = new ArrayDeque<>(256);
    final Set<Object> others = Collections.newSetFromMap(new IdentityHashMap<>(8));
    /** The strings counted so far (by identity: each is counted once); made at the first long one (a small heap's mark is mostly fixed costs). */
    private Set<String> strings;
    final List<LuaTable> weakValues = new ArrayList<>(), ephemerons = new ArrayList<>(), allWeak = new ArrayList<>();
    /** The weakness of the table whose edges are being reported. */
    private boolean weakKeys, weakVals;

    /**
     * Strings up to this length are not counted: short strings, shared in the reference
     * (interned). Under a memory limit every string counts (-1): the JVM does not intern
     * the strings a program makes, and a limit must not be passed by filling a table with
     * short ones.
     */
    private final int shortString;

    GcMarker(int epoch, boolean countShort) {
        this.epoch = epoch;
        this.shortString = countShort ? -1 : Gc.SHORT_STRING;
    }

    /** Estimated bytes of what this mark reached (see {@link GcSizes}): the live data after the collection. */
    long bytes;

    boolean isMarked(Object v) {
        if (v instanceof LuaTable t) return t.gcMark == epoch;
        if (v instanceof LuaFunction f) return f.gcMark == epoch;
        if (ValueGraph.isObject(v)) return others.contains(v);
        return true;
    }

    void mark(Object v) {
        if (v == null || v instanceof Long || v instanceof Double || v instanceof Boolean) return;   // the common plain values, by exact class
        if (v instanceof LuaTable t) {
            if (t.gcMark != epoch) { t.gcMark = epoch; gray.push(t); bytes += Gc.tableBytes(t.arraySize(), t.hashCapacity()); }
        } else if (v instanceof LuaFunction f) {
            if (f.gcMark != epoch) {
                f.gcMark = epoch;
                gray.push(f);
                bytes += f instanceof LuaClosure c ? Gc.closureBytes(c.upvals.length) + c.proto.codeBytes : Gc.CLOSURE;
            }
        } else if (v instanceof String s) {
            // a string is one object however many values hold it (short ones are shared, interned, in the reference)
            if (s.length() > shortString && countOnce(s)) bytes += Gc.stringBytes(s.length());
        } else if (ValueGraph.isObject(v)) {
            if (others.add(v)) { gray.push(v); bytes += v instanceof LuaUserdata ? Gc.USERDATA : Gc.THREAD + parkedStack(v); }
        }
    }

    private boolean countOnce(String s) {
        if (strings == null) strings = Collections.newSetFromMap(new IdentityHashMap<>());
        return strings.add(s);
    }

    /** The threads running now (the current one and its resumers): their stacks are not parked, see {@link #parkedStack}. */
    private final Set<LuaThread> running = Collections.newSetFromMap(new IdentityHashMap<>(4));

    /**
     * A suspended coroutine's frozen stack, counted on its {@link LuaThread} (which a mark of its handle reaches
     * too: counted once); the running threads' stacks are the work meter's to count.
     */
    private long parkedStack(Object v) {
        return v instanceof LuaThread t && !running.contains(t) ? Gc.parkedStackBytes(t.depth) : 0;
    }

    void markRoots(LuaState L, LuaThread th) {
        running.add(th);
        for (LuaThread t = L.current(); t != null; t = t.resumer) running.add(t);
        // a thread's edges are its stack, so the main thread (a root) is marked like any object
        L.forEachRoot(this::mark);
        mark(th);
        for (LuaThread t = L.current(); t != null; t = t.resumer) mark(t);
    }

    void propagate() {
        Object o;
        while ((o = gray.poll()) != null) {
            if (o instanceof LuaTable t) {
                if (enterTable(t)) traverse(t);
            } else if (o instanceof JavaFunction jf) {
                javaFunction(jf);
            } else {
                ValueGraph.edges(o, this);
            }
        }
    }

    /** A table's edges, as {@link ValueGraph} defines them, without the calls through {@link Edges} (most objects are tables). */
    private void traverse(LuaTable t) {
        if (!weakVals) {
            Object[] a = t.array;
            for (int i = 0, n = t.asize; i < n; i++) mark(a[i]);
        }
        int cap = t.hashCapacity();
        for (int i = 0; i < cap; i++) {
            Object v = t.hashValueAt(i);
            if (v != null) hashEntry(t.hashKeyAt(i), v);
        }
        mark(t.getMetatable());
    }

    /**
     * A Java function's captured Lua values, by the memo it keeps (reflection on every mark cost
     * a small heap's mark most of its time: the standard library is some 150 Java functions).
     */
    private void javaFunction(JavaFunction f) {
        Object[] memo = f.gcCaptures;
        if (memo == null) {
            memo = ValueGraph.captureMemo(f);
            f.gcCaptures = memo = memo == null ? JavaFunction.NO_MEMO : memo;
        }
        if (memo == JavaFunction.NO_MEMO) ValueGraph.edges(f, this);
        else if (memo.length > 0) ValueGraph.capturedEdges(memo, this);
    }

    /** Notes t's weakness for the edges that follow; returns false (after marking the metatable) if it has no strong edges. */
    private boolean enterTable(LuaTable t) {
        LuaTable mt = t.getMetatable();
        boolean wk = false, wv = false;
        if (mt != null && mt.rawget("__mode") instanceof String s) {
            wk = s.indexOf('k') >= 0;
            wv = s.indexOf('v') >= 0;
        }
        weakKeys = wk;
        weakVals = wv;
        if (wk && wv) {
            allWeak.add(t);
            mark(mt);
            return false;
        }
        if (wv) weakValues.add(t);
        else if (wk) ephemerons.add(t);
        return true;
    }

    // ------------------------------------------------------------ edges

    @Override
    public void arraySlot(int index, Object value) {
        if (!weakVals) mark(value);   // integer keys are not collectable, so an ephemeron's array part is strong
    }

    @Override
    public void hashEntry(Object key, Object value) {
        if (weakVals) mark(key);
        else if (!weakKeys) { mark(key); mark(value); }
        else if (!isMarked(value) && isMarked(key)) mark(value);   // ephemeron: see convergeEphemerons
    }

    @Override
    public void metatable(LuaTable mt) { mark(mt); }

    /**
     * Work of the mark that {@link #bytes} does not count, in the same unit: the frames of the
     * stacks walked (a running thread's stack is not in the estimate, as the reference counts
     * its stack apart). The collector paces by bytes plus walk, so that a deep stack walked at
     * every mark spaces the marks out as a large heap does.
     */
    long walk;

    @Override
    public void frame(int slots) { walk += Gc.FRAME_WALK + 16L * slots; }

    @Override
    public void upvalue(int index, Upvalue cell) {
        if (cell != null) mark(cell.get());
    }

    @Override
    public void cellValue(Object v) { mark(v); }

    @Override
    public void userValue(Object v) { mark(v); }

    @Override
    public void thread(LuaThread t) { mark(t); }

    @Override
    public void value(Object v) { mark(v); }

    // ------------------------------------------------------------ weak tables

    /** Marks the values of t whose keys are marked; returns whether it marked anything. */
    private boolean ephemeronPass(LuaTable t) {
        boolean marked = false;
        int cap = t.hashCapacity();
        for (int i = 0; i < cap; i++) {
            Object v = t.hashValueAt(i);
            if (v == null || isMarked(v)) continue;
            if (isMarked(t.hashKeyAt(i))) { mark(v); marked = true; }
        }
        return marked;
    }

    void convergeEphemerons() {
        boolean changed;
        do {
            changed = false;
            for (int i = 0; i < ephemerons.size(); i++) {
                if (ephemeronPass(ephemerons.get(i))) { propagate(); changed = true; }
            }
        } while (changed);
    }

    void clearValues(LuaTable t) {
        Object[] arr = t.array;
        for (int i = 0; i < t.asize; i++) if (arr[i] != null && !isMarked(arr[i])) arr[i] = null;
        t.border = -1;   // values may have been cleared anywhere in the array part
        int cap = t.hashCapacity();
        for (int i = 0; i < cap; i++) {
            Object v = t.hashValueAt(i);
            if (v != null && !isMarked(v)) t.clearHashAt(i);
        }
    }

    void clearKeys(LuaTable t) {
        int cap = t.hashCapacity();
        for (int i = 0; i < cap; i++) {
            if (t.hashValueAt(i) != null && !isMarked(t.hashKeyAt(i))) t.clearHashAt(i);
        }
    }
}
