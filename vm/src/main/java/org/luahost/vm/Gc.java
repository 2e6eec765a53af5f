package org.luahost.vm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.luahost.vm.nodes.Node;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.spi.Edges;
import org.luahost.vm.spi.Upvalue;
import org.luahost.vm.spi.ValueGraph;

/**
 * The Lua side of garbage collection: finalizers ({@code __gc}), weak tables
 * ({@code __mode}) and the {@code collectgarbage} options.
 *
 * <p>Memory itself is the JVM's: an unreachable Lua value is freed by the JVM
 * collector like any Java object. What the JVM cannot do is what Lua defines on
 * top of reachability: call {@code __gc} on an object that became unreachable
 * (handing the object back to Lua, which may resurrect it), and drop the entries
 * of weak tables whose keys or values are otherwise unreachable, with ephemeron
 * semantics for weak keys. For those, a <em>Lua collection</em> marks the Lua
 * value graph from the state's roots, as the reference's atomic phase does:
 * <ol>
 * <li>mark from the roots: registry, globals, the basic types' metatables, and the
 *     stacks (locals, varargs, pending results) of the running thread, of the
 *     threads that resumed it and of the main thread; a reachable coroutine marks
 *     its own stack; a closure marks its upvalues; a Java function marks the Lua
 *     values it captured (found by reflection on its captured fields): the edges
 *     {@link org.luahost.vm.spi.ValueGraph} defines, followed with an explicit stack;
 * <li>converge ephemerons: in a weak-keys table a value is marked only once its key is;
 * <li>clear weak values that are unmarked;
 * <li>separate the objects registered for finalization that are unmarked, and mark
 *     from them (resurrection, so they and what they reach survive this cycle);
 * <li>clear weak keys that are still unmarked (and weak values again);
 * <li>call the finalizers, newest registration first, each in protected mode
 *     (an error becomes the warning {@code error in __gc (msg)}).
 * </ol>
 * An object is registered for finalization when {@code setmetatable} gives it a
 * metatable that has a {@code __gc} field at that moment, as in the reference.
 * Files are registered weakly ({@link #registeredWeakly}): a collection that finds
 * one unreachable finalizes it (after the other objects), and one the JVM collected
 * first was closed by the io library's Cleaner.
 *
 * <p>When collections run: on {@code collectgarbage()} ({@code "collect"} and
 * {@code "step"}), when a host calls {@link #collectIfDue} at a point where no Lua
 * code is half-way through an expression (sessions do so between turns), and when
 * the state is closed ({@link LuaState#close()}: every pending finalizer runs).
 * There is no collection in the middle of arbitrary Lua code: the interpreter keeps
 * temporaries in Java locals, which a Lua-level mark cannot see. So a program that
 * never calls {@code collectgarbage} keeps its finalizable objects (and the dead
 * entries of its weak tables) until the state closes.
 */
public final class Gc {
    private boolean running = true;

    /** collectgarbage "isrunning". */
    public boolean isRunning() { return running; }

    /** collectgarbage "stop"/"restart"; on the thread running the state. */
    public void setRunning(boolean on) { running = on; }

    private String mode = "incremental";
    private long pause = 200, stepmul = 100;

    /** Objects registered for finalization, in registration order. */
    private final ArrayList<Object> finobj = new ArrayList<>();
    private final Set<Object> finset = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Set while finalizers run (no nested collections) and after close (no new registrations). */
    private boolean finalizing, closed;
    private int epoch;
    /** Registered objects after the last collection (for {@link #collectIfDue}). */
    private int finAfterLast;
    private long collections;

    Gc() {}

    /**
     * Objects whose finalizer a JVM Cleaner also runs (files: their buffers must be written
     * even when no Lua collection comes): held weakly, so the JVM may still collect them, and
     * finalized by a Lua collection that finds them unreachable, as the reference does.
     */
    private final ArrayList<java.lang.ref.WeakReference<Object>> weakfin = new ArrayList<>();
    private int weakfinAfterPrune;

    /** Registers o for finalization by Lua collections without keeping it alive (see {@link #weakfin}). */
    public void registeredWeakly(Object o) {
        if (closed) return;
        if (weakfin.size() >= 2 * weakfinAfterPrune + 64) {   // drop what the JVM collected meanwhile
            weakfin.removeIf(r -> r.get() == null);
            weakfinAfterPrune = weakfin.size();
        }
        weakfin.add(new java.lang.ref.WeakReference<>(o));
    }

    /** Called when a metatable is set: an object whose metatable has __gc now is registered for finalization. */
    public void registered(Object o, LuaTable mt) {
        if (mt == null || closed || mt.rawget("__gc") == null) return;
        if (finset.add(o)) finobj.add(o);
    }

    /** Number of Lua collections so far (for tests and statistics). */
    public long collections() { return collections; }

    /** Objects currently registered for finalization. */
    public int pendingFinalizers() { return finobj.size(); }

    /**
     * A full collection: the JVM's, then a Lua collection (weak tables cleared,
     * finalizers of unreachable objects called). Call only where no Lua code is
     * half-way through an expression on this state (see the class comment).
     */
    public void fullCollect(LuaThread th) {
        if (finalizing || closed) return;
        collect(th);
        System.gc();
    }

    /** collectgarbage("step"): a Lua collection, without asking the JVM for a full collection. */
    public void step(LuaThread th) {
        if (finalizing || closed) return;
        collect(th);
    }

    /**
     * Runs a Lua collection if enough objects were registered for finalization since
     * the last one (twice as many, and at least 1,000 more); for hosts, between turns.
     * Returns whether it collected.
     */
    public boolean collectIfDue(LuaThread th) {
        int n = finobj.size();
        if (finalizing || closed || !running || n < 1000 || n < 2 * finAfterLast) return false;
        collect(th);
        return true;
    }

    /** Closes: calls the finalizers of every registered object, newest first; later registrations are ignored. */
    void closeState(LuaThread th) {
        if (closed) return;
        closed = true;
        List<Object> all = new ArrayList<>(finobj);
        Collections.reverse(all);
        finobj.clear();
        finset.clear();
        callFinalizers(th, all);
    }

    private void collect(LuaThread th) {
        collections++;
        if (++epoch == 0) epoch = 1;
        Marker m = new Marker(epoch);
        LuaState L = th.state;
        m.markRoots(L, th);
        m.propagate();
        m.convergeEphemerons();
        for (LuaTable t : m.weakValues) m.clearValues(t);
        for (LuaTable t : m.allWeak) m.clearValues(t);
        // separate unreachable objects with finalizers, newest first, and resurrect them for this cycle
        List<Object> tobefnz = new ArrayList<>();
        for (int i = finobj.size() - 1; i >= 0; i--) {
            Object o = finobj.get(i);
            if (!m.isMarked(o)) tobefnz.add(o);
        }
        if (!weakfin.isEmpty()) {   // then the weakly registered ones (files), newest first
            ArrayList<java.lang.ref.WeakReference<Object>> live = new ArrayList<>(weakfin.size());
            for (int i = weakfin.size() - 1; i >= 0; i--) {
                Object o = weakfin.get(i).get();
                if (o == null) continue;
                if (m.isMarked(o)) live.add(weakfin.get(i));
                else tobefnz.add(o);
            }
            Collections.reverse(live);
            weakfin.clear();
            weakfin.addAll(live);
            weakfinAfterPrune = weakfin.size();
        }
        if (!tobefnz.isEmpty()) {
            ArrayList<Object> keep = new ArrayList<>(finobj.size());
            for (Object o : finobj) if (m.isMarked(o)) keep.add(o);
            finobj.clear();
            finobj.addAll(keep);
            for (Object o : tobefnz) finset.remove(o);
            for (Object o : tobefnz) m.mark(o);
            m.propagate();
            m.convergeEphemerons();
        }
        for (LuaTable t : m.ephemerons) m.clearKeys(t);
        for (LuaTable t : m.allWeak) m.clearKeys(t);
        for (LuaTable t : m.weakValues) m.clearValues(t);
        for (LuaTable t : m.allWeak) m.clearValues(t);
        finAfterLast = finobj.size();
        callFinalizers(th, tobefnz);
    }

    private void callFinalizers(LuaThread th, List<Object> objs) {
        if (objs.isEmpty()) return;
        boolean was = finalizing;
        finalizing = true;
        LuaThread.Hook hook = th.hook;
        int mask = th.hookMask;
        th.hookMask = 0;   // as the reference: no hooks inside finalizers
        try {
            for (Object o : objs) callGc(th, o);
        } finally {
            th.hookMask = mask;
            th.hook = hook;
            finalizing = was;
        }
    }

    private static void callGc(LuaThread th, Object o) {
        LuaState L = th.state;
        Object tm = Ops.metafield(L, o, "__gc");
        if (tm == null) return;
        String msg = null;
        if (!(tm instanceof LuaFunction) && Ops.metafield(L, tm, "__call") == null) {
            msg = "attempt to call a " + Ops.typeNameMeta(L, tm) + " value (metamethod '__gc')";
        } else {
            int fin = th.finalizerDepth;
            th.finalizerDepth = th.depth + 1;   // the finalizer's frame: named metamethod '__gc' (debug.getinfo)
            CallResult r = th.pcall(tm, new Object[] {o});
            th.finalizerDepth = fin;
            if (r instanceof CallResult.Failed f) {
                msg = f.error() instanceof String s ? s : "error object is not a string";
            }
        }
        if (msg != null) {
            L.warning("error in __gc (", true);
            L.warning(msg, true);
            L.warning(")", false);
        }
    }

    // ---------------------------------------------------------------- marking

    /**
     * One collection's marks, over the edges {@link ValueGraph} defines: tables
     * and functions carry the epoch; other objects go in a set. Gray objects wait
     * on an explicit stack. What is particular to the collector is how a table's
     * edges are followed, by its {@code __mode}: weak values are not marked
     * through, weak keys make the table an ephemeron (a value is marked only once
     * its key is), and the weak tables are listed for clearing.
     */
    private static final class Marker implements Edges {
        final int epoch;
        final ArrayDeque<Object> gray = new ArrayDeque<>();
        final Set<Object> others = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<LuaTable> weakValues = new ArrayList<>(), ephemerons = new ArrayList<>(), allWeak = new ArrayList<>();
        /** The weakness of the table whose edges are being reported. */
        private boolean weakKeys, weakVals;

        Marker(int epoch) { this.epoch = epoch; }

        boolean isMarked(Object v) {
            if (v instanceof LuaTable t) return t.gcMark == epoch;
            if (v instanceof LuaFunction f) return f.gcMark == epoch;
            if (ValueGraph.isObject(v)) return others.contains(v);
            return true;
        }

        void mark(Object v) {
            if (v == null) return;
            if (v instanceof LuaTable t) {
                if (t.gcMark != epoch) { t.gcMark = epoch; gray.push(t); }
            } else if (v instanceof LuaFunction f) {
                if (f.gcMark != epoch) { f.gcMark = epoch; gray.push(f); }
            } else if (ValueGraph.isObject(v)) {
                if (others.add(v)) gray.push(v);
            }
        }

        void markRoots(LuaState L, LuaThread th) {
            // a thread's edges are its stack, so the main thread (a root) is marked like any object
            L.forEachRoot(this::mark);
            mark(th);
            for (LuaThread t = L.current(); t != null; t = t.resumer) mark(t);
        }

        void propagate() {
            Object o;
            while ((o = gray.poll()) != null) {
                if (o instanceof LuaTable t && !enterTable(t)) continue;
                ValueGraph.edges(o, this);
            }
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

    /** "incremental" or "generational" (what collectgarbage reports; both collect the same way here). */
    public String mode() { return mode; }

    public String setMode(String m) {
        String old = mode;
        mode = m;
        return old;
    }

    public long setPause(long v) { long o = pause; pause = v; return o; }

    public long setStepmul(long v) { long o = stepmul; stepmul = v; return o; }
}
