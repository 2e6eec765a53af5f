package org.luahost.vm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.luahost.vm.interp.Cell;
import org.luahost.vm.interp.Frame;
import org.luahost.vm.interp.LuaClosure;
import org.luahost.vm.interp.Node;
import org.luahost.vm.runtime.Ops;

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
 *     values it captured (found by reflection on its captured fields);
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
        if (!tobefnz.isEmpty()) {
            ArrayList<Object> keep = new ArrayList<>(finobj.size() - tobefnz.size());
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
            if (th.pcall(tm, new Object[] {o}) instanceof CallResult.Failed f) {
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

    /** One collection's marks: tables and functions carry the epoch; other objects go in a set. */
    private static final class Marker {
        final int epoch;
        final ArrayDeque<Object> gray = new ArrayDeque<>();
        final Set<Object> others = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<LuaTable> weakValues = new ArrayList<>(), ephemerons = new ArrayList<>(), allWeak = new ArrayList<>();

        Marker(int epoch) { this.epoch = epoch; }

        static boolean collectable(Object v) {
            return v instanceof LuaTable || v instanceof LuaFunction || v instanceof LuaUserdata
                    || v instanceof LuaThreadHandle || v instanceof LuaThread;
        }

        boolean isMarked(Object v) {
            if (v instanceof LuaTable t) return t.gcMark == epoch;
            if (v instanceof LuaFunction f) return f.gcMark == epoch;
            if (collectable(v)) return others.contains(v);
            return true;
        }

        void mark(Object v) {
            if (v == null) return;
            if (v instanceof LuaTable t) {
                if (t.gcMark != epoch) { t.gcMark = epoch; gray.push(t); }
            } else if (v instanceof LuaFunction f) {
                if (f.gcMark != epoch) { f.gcMark = epoch; gray.push(f); }
            } else if (v instanceof Cell c) {
                mark(c.v);
            } else if (collectable(v)) {
                if (others.add(v)) gray.push(v);
            }
        }

        void markAll(Object[] vs) {
            if (vs != null) for (Object v : vs) mark(v);
        }

        void markRoots(LuaState L, LuaThread th) {
            L.forEachRoot(r -> {
                // a thread root is marked with its stack now (mark would gray it as a thread handle, whose stack is
                // then skipped because the thread is already in others)
                if (r instanceof LuaThread t) markThread(t);
                else mark(r);
            });
            markThread(th);
            for (LuaThread t = L.current(); t != null; t = t.resumer) markThread(t);
        }

        void propagate() {
            Object o;
            while ((o = gray.poll()) != null) {
                if (o instanceof LuaTable t) traverseTable(t);
                else if (o instanceof LuaClosure c) { for (Cell u : c.upvals) if (u != null) mark(u.v); }
                else if (o instanceof LuaFunction f) markCaptures(f, 0);
                else if (o instanceof LuaUserdata u) { mark(u.metatable); mark(u.userValue); }
                else if (o instanceof LuaThreadHandle h) markThread(h.luaThread());
                else if (o instanceof LuaThread t) markThreadStack(t);
            }
        }

        private void markThread(LuaThread t) {
            if (t == null) return;
            if (others.add(t)) markThreadStack(t);
        }

        private void markThreadStack(LuaThread t) {
            for (int d = 0; d <= t.depth; d++) {
                Frame f = t.frame(d);
                if (f == null) continue;
                mark(f.fn);
                mark(f.closure);
                Object[] slots = f.slots;
                if (slots != null) {
                    int live = f.site instanceof Node n && n.liveSlots >= 0 ? Math.min(n.liveSlots, slots.length) : slots.length;
                    for (int i = 0; i < live; i++) mark(slots[i]);
                }
                markAll(f.varargs);
                mark(f.ret1);
                markAll(f.retN);
                mark(f.tailFn);
                markAll(f.tailArgs);
            }
            markAll(t.handlersForGc());
            if (t.hook != null) markCaptures(t.hook, 0);
            t.gcRefs(this::mark);
        }

        private void traverseTable(LuaTable t) {
            LuaTable mt = t.getMetatable();
            boolean wk = false, wv = false;
            if (mt != null) {
                mark(mt);
                if (mt.rawget("__mode") instanceof String s) {
                    wk = s.indexOf('k') >= 0;
                    wv = s.indexOf('v') >= 0;
                }
            }
            int n = t.asize;
            Object[] arr = t.array;
            int cap = t.hashCapacity();
            if (!wk && !wv) {
                for (int i = 0; i < n; i++) mark(arr[i]);
                for (int i = 0; i < cap; i++) {
                    Object v = t.hashValueAt(i);
                    if (v != null) { mark(t.hashKeyAt(i)); mark(v); }
                }
            } else if (!wk) {
                weakValues.add(t);
                for (int i = 0; i < cap; i++) if (t.hashValueAt(i) != null) mark(t.hashKeyAt(i));
            } else if (!wv) {
                ephemerons.add(t);
                for (int i = 0; i < n; i++) mark(arr[i]);   // integer keys are not collectable
                ephemeronPass(t);
            } else {
                allWeak.add(t);
            }
        }

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

        // ------------------------------------------------------------ Java functions' captures

        /**
         * Marks the Lua values a Java object (a Java function, a hook) holds in its fields:
         * directly, in arrays, or in the captured fields of the lambdas and anonymous
         * classes it holds (a few levels deep; other Java objects are not walked).
         */
        private void markCaptures(Object o, int level) {
            for (Field f : FIELDS.get(o.getClass())) {
                Object v;
                try {
                    v = f.get(o);
                } catch (IllegalAccessException e) {
                    continue;
                }
                if (v == null) continue;
                if (collectable(v) || v instanceof Cell) mark(v);
                else if (v instanceof Object[] a) {
                    for (Object e : a) if (collectable(e) || e instanceof Cell) mark(e);
                } else if (level < 3 && isCaptureHolder(v.getClass())) markCaptures(v, level + 1);
            }
        }

        private static boolean isCaptureHolder(Class<?> c) {
            return c.isHidden() || c.isAnonymousClass() || c.isSynthetic() || c.isLocalClass();
        }
    }

    /** Per class, its instance fields (up to, not including, LuaFunction and Object) that are readable. */
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class && c != LuaFunction.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                    if (f.getType() == String.class || f.getType() == LuaState.class) continue;
                    if (f.trySetAccessible()) out.add(f);
                }
            }
            return out.toArray(new Field[0]);
        }
    };

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
