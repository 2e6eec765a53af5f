package org.luahost.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

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
 * <p>When collections run. Allocation drives them, as in the reference: the
 * interpreter and the libraries charge this state's {@link #charge allocation
 * counter} where they create Lua objects (table constructors and every table
 * growth, closures, strings made by concatenation, {@code tostring} and the
 * string, table, utf8 and io libraries, {@code load}'s syntax tree, coroutines),
 * one add and compare per object or result, with sizes modelled on the
 * reference's (a table 56 bytes plus 16 per array slot and 32 per hash slot, a
 * closure 40 plus 8 per upvalue, a string 24 plus its length, a coroutine
 * {@link #THREAD}); a collection estimates the live data as the size of what it
 * marked (each string once; under a limit short strings too; a loaded chunk's
 * code while its function lives) plus what library calls in progress
 * {@link #hold} in their builders. When the allocation since the last collection
 * passes the reference's rule for the mode ({@link #period}: in incremental mode
 * live &times; (pause - 100) / 100, in generational mode live &times; the minor multiplier / 100;
 * {@link #MIN_STEP} while nothing could observe a collection)
 * or the state's memory limit, the counter traps the running thread's work
 * countdown ({@link LuaThread#trapWork}), and the collection runs at the next
 * <em>safe point</em>: the next loop back-edge or function entry (after the
 * callee's arguments are bound to its frame), which is where the interpreter
 * already counts work, so the hot path is unchanged (one decrement, one branch).
 * Also on {@code collectgarbage()} ({@code "collect"}, and {@code "step"} once its
 * steps add up to a cycle's work), between a host's turns ({@link #collectIfDue}),
 * and when the state is closed (every pending finalizer runs).
 *
 * <p>Roots, so that a collection in the middle of an expression is sound: the
 * frames (locals, varargs, pending results and tail calls) of every thread
 * running, resuming or suspended; a Java function's frame holds its argument
 * array; and the values an expression holds in Java locals (or on the second
 * tier's operand stack) across a nested call are <em>pinned</em>: the compiler
 * wraps each sub-expression whose value is held while a later part of the same
 * expression or statement may call in a pin node, and the holder in a pin scope
 * ({@code nodes.Pins}); at run time a pin is a type test and, for a table,
 * function, userdata or thread, a push on the thread's pin stack
 * ({@link LuaThread#pin}), which the marker reads as part of the thread. A
 * suspended coroutine keeps its pins with its thread. A function's return drops
 * the pins its frame left, and a protected call that catches an error drops the
 * pins pushed inside it. A frame contributes the slots in scope at its current
 * call site; the frame at the safe point itself contributes all its slots (at a
 * back-edge its site may be an earlier call's). The marking itself is
 * {@link GcMarker}. Not covered (README, "Garbage collection"): values a library
 * function keeps only in Java locals across a callback, other than its
 * arguments; the expression list of a generic {@code for}; a plain local that
 * {@code debug.setlocal} overwrites while an expression still holds its value.
 *
 * <p>Memory limit ({@link LuaStateBuilder#memoryLimit}): when the estimate
 * (live at the last collection plus allocated since) passes it, a collection
 * runs at the next safe point; if the estimate is still over, the running code
 * gets the error {@code "not enough memory"} (catchable by pcall). Allocation that
 * reaches the limit plus a margin before any safe point fails at once.
 */
public final class Gc {
    private boolean running = true;

    /** collectgarbage "isrunning". */
    public boolean isRunning() { return running; }

    /** collectgarbage "stop"/"restart"; on the thread running the state. */
    public void setRunning(boolean on) { running = on; retrigger(); }

    /** Mode and parameters as collectgarbage sets and reports them (pause and stepmul stored as the reference stores them, divided by 4 in a byte). */
    private String mode = "incremental";
    private int pause = 200 / 4, stepmul = 100 / 4, stepsizeLog = 13, genMinor = 20, genMajor = 100 / 4;

    // ---------------------------------------------------------------- allocation accounting

    /** Bytes of the reference's model of an object (see the class comment). */
    static final long CLOSURE = 40, USERDATA = 64;
    /**
     * A coroutine: its objects and, while it is suspended, the stack of the virtual thread
     * it runs on (a few frames of the interpreter); charged when it is created, counted by
     * a mark while it is reachable.
     */
    public static final long THREAD = 8 * 1024;
    /**
     * The frozen stack of a coroutine suspended more than {@link #SHALLOW_STACK} calls deep,
     * per call (a parked virtual thread's stack chunk measured 185-240 bytes a Lua call):
     * counted by a mark while it is reachable and charged at each yield that deep.
     */
    public static final long FRAME = 256;
    /** Suspended stacks up to this depth are in {@link #THREAD} (ordinary generators cost nothing more). */
    public static final int SHALLOW_STACK = 1024;

    /** The bytes a coroutine suspended depth calls deep holds beyond {@link #THREAD}. */
    public static long parkedStackBytes(int depth) { return depth > SHALLOW_STACK ? depth * FRAME : 0; }
    /**
     * Bytes charged per byte of source that {@code load} compiles, before it parses: the
     * syntax tree, the compiled nodes and the parser's work space are many times the text.
     */
    public static final long LOAD_PER_BYTE = 64;
    /**
     * Bytes counted per byte of source while a loaded chunk's main function is reachable (its
     * syntax tree, kept for string.dump, and its nodes): measured about 48 for dense code
     * ({@code a = 1} repeated; MemoryChargeTest checks the heap it retains).
     */
    public static final long CODE_PER_BYTE = 48;
    /** Strings up to this length are shared in the reference (interned), so a mark does not count them. */
    public static final int SHORT_STRING = 40;
    /**
     * Allocation between two automatic collections when nothing could observe one (no finalizer,
     * weak table, open file or limit: the due collection only moves the count aside, see
     * {@link #markNeeded}), and what a refused charge must see allocated before it asks for one.
     */
    static final long MIN_STEP = 1024 * 1024;
    /** The least allocation between two automatic collections in generational mode (a minor multiplier of 1 and a tiny heap). */
    static final long MIN_MINOR = 1024;
    /**
     * Generational mode: up to this much live data, collections come as often as the
     * reference's minor ones; beyond, as its major ones (see {@link #period}).
     */
    static final long GEN_SMALL = 1024 * 1024;
    /** Walk units ({@link GcMarker#walk}) of a stack frame, besides 16 per slot. */
    static final long FRAME_WALK = 64;

    public static long tableBytes(int asize, int hashCapacity) { return 56 + 16L * asize + 32L * hashCapacity; }

    public static long closureBytes(int nupvals) { return CLOSURE + 8L * nupvals; }

    public static long stringBytes(long length) { return 24 + length; }

    /**
     * Charges n bytes that a library call in progress holds where a mark cannot see them
     * (a builder): they count in the estimate until {@link #release}d. The caller
     * releases what it held (in a finally) once the call's result exists.
     */
    public void hold(long n) {
        charge(n);
        held += n;
    }

    /** Releases bytes {@link #hold} counted (the builder is garbage now, or became the charged result). */
    public void release(long n) { held -= n; }

    /**
     * Charges a string of length bytes that a library function makes (or is about to
     * make: charged before, the charge stops a result that would pass the limit before
     * it is built). One charge per result, as {@link #charge}.
     */
    public void chargeString(long length) { charge(24 + length); }

    /** Live bytes found by the last collection (an estimate, see the class comment). */
    private long estimate = 32 * 1024;
    /** Bytes charged since the last collection. */
    private long allocated;
    /** When allocated passes this, {@link #over} runs (a collection is due, or the limit is near). */
    private long trigger = MIN_STEP;
    /**
     * Bytes that library calls in progress hold in Java locals (a gsub's or concat's
     * builder), which a mark cannot see: counted in the estimate until released, so that
     * a collection in the middle of such a call (a safe point in a callback or in the
     * work meter) does not forget them.
     */
    private long held;
    /** The memory limit in bytes (0: none); set once when the state is built. */
    private long limit;
    /** Work credit of collectgarbage("step") towards the next cycle, in bytes. */
    private long stepCredit;
    private final LuaState state;

    Gc(LuaState state) { this.state = state; }

    /**
     * Charges n bytes of new Lua data to this state (on the thread running it):
     * one add and one compare; past the trigger the running thread is trapped
     * so that a collection runs at its next safe point.
     */
    public void charge(long n) {
        if ((allocated += n) > trigger) over(n);
    }

    /**
     * charge's slow path: trap the running thread, or fail when the limit is passed by
     * more than the margin. A refused charge is taken back: its object is not made (a
     * charge before the allocation) or is dropped by the error (a charge after it).
     */
    private void over(long n) {
        if (finalizing || closed) return;
        LuaThread th = state.current();
        if (limit > 0 && estimate + allocated > limit + margin()) {
            allocated -= n;
            collectionWanted = true;
            th.trapWork();   // a collection at the next safe point (after a pcall that catches this, say)
            throw th.raise("not enough memory");
        }
        th.trapWork();
    }

    /** How far a charge may take the estimate past the limit before a safe point (see the class comment). */
    private long margin() { return Math.max(limit / 8, 1 << 20); }

    /** Recomputes {@link #trigger} after a collection or a change of the parameters or of running. */
    private void retrigger() {
        long t = Long.MAX_VALUE;
        if (running) t = markNeeded() ? period() : Math.max(period(), MIN_STEP);
        if (limit > 0) t = Math.min(t, Math.max(limit - estimate, 0));
        trigger = t;
    }

    /**
     * Allocation from one automatic collection to the next, by the reference's rule for the
     * mode, measured on lua5.4 (a finalizer that re-creates itself counts its cycles):
     * incremental, live &times; (pause - 100) / 100, or, for a pause of 100 or less (no wait),
     * the allocation over which its steps (one per 2^stepsize bytes, each worth a
     * {@link #basicStep}) add up to a cycle; generational, live &times; the minor multiplier / 100
     * (the reference's minor collections) while the live data is under {@link #GEN_SMALL}, and
     * beyond it towards live &times; the major multiplier / 100 (the reference's major
     * collections: a mark here is a full one, which a minor collection of a large heap is
     * not; the two rules meet at GEN_SMALL). Live is the last mark's estimate plus the stacks it walked
     * ({@link #paceBase}), so that a mark's cost stays proportional to the allocation between
     * marks.
     */
    private long period() {
        long live = paceBase;
        if (mode.equals("generational")) {
            long minor = genMinor, major = genMajor * 4L;
            return Math.max(Math.max(live / 100 * minor, MIN_MINOR), live / 100 * major - (major - minor) * (GEN_SMALL / 100));
        }
        long p = pause * 4L;
        long steps = 1 + live / basicStep();
        long step = stepsizeLog >= 40 ? Long.MAX_VALUE / 2 : 1L << stepsizeLog;
        return Math.max(live / 100 * Math.max(p - 100, 0), Math.min(steps, Long.MAX_VALUE / 2 / step) * step);
    }

    /** The work of a basic step in bytes (see {@link #step(LuaThread, long)}). */
    private long basicStep() {
        return stepsizeLog >= 40 ? Long.MAX_VALUE / 2 : (2L << stepsizeLog) * ((stepmul * 4L) | 1);
    }

    /** The live estimate plus the walk of the last mark (see {@link GcMarker#walk}), which paces collections. */
    private long paceBase = 32 * 1024;

    /**
     * Collections could be observed from now on (the first finalizer, weak table or file): they
     * are paced by the reference's rule instead of {@link #MIN_STEP}, counting from here. What was
     * allocated before counts as {@link #deferred} (as a skipped collection leaves it), so the
     * allocation of an unobservable past does not start a collection at once, which the
     * reference, collecting all along, would not have either (a finalizer registered in a loop
     * would see its object finalized by itself, before the loop's other ones).
     */
    private void becameObservable() {
        deferred += allocated;
        allocated = 0;
        retrigger();
    }

    /** Sets the memory limit (from the builder). */
    void limit(long bytes) {
        limit = Math.max(bytes, 0);
        if (limit > 0) state.startPinning();
        retrigger();
    }

    /** The state's memory in use as collectgarbage("count") reports it: live at the last collection plus allocated since, in bytes. */
    public long inUse() { return estimate + deferred + allocated; }

    /**
     * A safe point of th (see the class comment): runs the collection that is due,
     * then raises "not enough memory" if the state is still over its limit.
     */
    void atSafePoint(LuaThread th) {
        boolean charged = allocated > trigger;   // else only wanted: the refusal that wanted it raised its own error
        // a wanted collection needs a megabyte allocated since the last one: a loop of refusals that allocates
        // nothing (pcall(string.rep, 'x', 1e9)) does not mark the whole state on every turn of the loop
        if (finalizing || closed || !charged && !(collectionWanted && allocated + deferred >= MIN_STEP)) return;
        if (!markNeeded()) {
            deferred += allocated;
            allocated = 0;
            return;
        }
        org.luahost.vm.runtime.Frame top = th.top();
        org.luahost.vm.runtime.Site site = top == null ? null : top.site;
        if (top != null) top.site = null;   // a back-edge: the frame's site may be an earlier call's, which knows fewer live slots
        try {
            collect(th);
        } finally {
            if (top != null) top.site = site;
        }
        if (charged && limit > 0 && estimate + allocated > limit) throw th.raise("not enough memory");
    }

    /** Whether finalizers are running now (collectgarbage then fails, as in the reference). */
    public boolean inFinalizer() { return finalizing; }

    /** Objects registered for finalization, in registration order. */
    private final ArrayList<Object> finobj = new ArrayList<>();
    private final Set<Object> finset = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Set while finalizers run (no nested collections) and after close (no new registrations). */
    private boolean finalizing, closed;
    private int epoch;
    /** Registered objects after the last collection (for {@link #collectIfDue}). */
    private int finAfterLast;
    private long collections;

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
        boolean was = markNeeded();
        weakfin.add(new java.lang.ref.WeakReference<>(o));
        state.startPinning();
        if (!was) becameObservable();
    }

    /** Called when a metatable is set: an object whose metatable has __gc now is registered for finalization. */
    public void registered(Object o, LuaTable mt) {
        if (mt == null || closed) return;
        if (mt.rawget("__mode") != null && !weakSeen) {
            boolean was = markNeeded();
            weakSeen = true;
            state.startPinning();
            if (!was) becameObservable();
        }
        if (mt.rawget("__gc") == null) return;
        state.startPinning();
        boolean was = markNeeded();
        if (finset.add(o)) {
            finobj.add(o);
            if (!was) becameObservable();
        }
    }

    /**
     * Whether the state may have a weak table: a metatable with {@code __mode} was
     * set since the state began, or the last mark found one (a {@code __mode} added to
     * a metatable afterwards is found by the next explicit collection).
     */
    private boolean weakSeen;
    /**
     * Bytes allocated while automatic collections were skipped (see {@link #atSafePoint}):
     * counted in {@link #inUse} until the next mark.
     */
    private long deferred;

    /**
     * Whether an automatic collection could be observed: something is registered for
     * finalization, a weak table may exist, or a memory limit needs the live size.
     * Otherwise the mark is skipped (the JVM frees the memory) and "count" marks on demand.
     */
    private boolean markNeeded() {
        return !finobj.isEmpty() || !weakfin.isEmpty() || weakSeen || limit > 0;
    }

    /** Runs the mark that automatic collections skipped, so that "count" reports the live data. */
    public void settle(LuaThread th) {
        if (deferred > 0 && !finalizing && !closed) collect(th);
    }

    /** Number of Lua collections so far (for tests and statistics). */
    public long collections() { return collections; }

    /** Objects currently registered for finalization. */
    public int pendingFinalizers() { return finobj.size(); }

    /**
     * A full collection (collectgarbage()): a Lua collection (weak tables cleared,
     * finalizers of unreachable objects called). The JVM frees the memory on its
     * own; asking it for a full collection here (System.gc(), about 5 ms even on a
     * small heap) made a script that calls collectgarbage() in a loop 100 times
     * slower than lua5.4. Call only where no Lua code is half-way through an
     * expression on this state (see the class comment).
     */
    public void fullCollect(LuaThread th) {
        if (finalizing || closed) return;
        collect(th);
    }

    /** A Lua collection now, without asking the JVM for a full collection (for tests and hosts). */
    public void step(LuaThread th) {
        if (finalizing || closed) return;
        collect(th);
    }

    /**
     * collectgarbage("step", kb): adds about kb KB of work (for 0, a basic step:
     * lua5.4's incstep does 2^stepsize / 16 work units times stepmul, and a unit of its
     * work (an object or slot traversed or swept) stands for about 32 bytes of its heap,
     * so 2^(stepsize+1) * stepmul bytes) to the step credit; when the credit reaches a
     * cycle's work (the live estimate plus what was allocated since), a
     * collection runs. Returns whether a cycle completed.
     */
    public boolean step(LuaThread th, long kb) {
        if (finalizing || closed) return false;
        long basic = basicStep();
        stepCredit += kb <= 0 ? basic : Math.min(kb, Long.MAX_VALUE / 2048) * 1024;
        if (stepCredit < inUse()) return false;
        collect(th);
        return true;
    }

    /**
     * Runs a Lua collection if enough objects were registered for finalization since
     * the last one (twice as many, and at least 1,000 more); for hosts, between turns.
     * Returns whether it collected.
     */
    public boolean collectIfDue(LuaThread th) {
        int n = finobj.size();
        if (finalizing || closed) return false;
        if (!collectionWanted && (!running || n < 1000 || n < 2 * finAfterLast)) return false;
        collect(th);
        return true;
    }

    /**
     * Set when a charge was refused (not enough memory) and no collection ran since, or
     * when a host asked for one ({@link #wantCollection}): the estimate is the live data
     * of the last mark plus what was allocated since, so it may count garbage, and the
     * next safe point or the host between turns ({@link #collectIfDue}) collects. Before,
     * a refused charge was taken back, so no collection came: a turn that left 60 MB of
     * garbage (ended by its CPU budget, say) made every later allocation of 20 MB in the
     * session fail with "not enough memory", turn after turn, until a script called
     * collectgarbage().
     */
    private boolean collectionWanted;

    /** Whether a collection is wanted (see {@link #collectionWanted}). */
    public boolean collectionWanted() { return collectionWanted; }

    /** Asks for a collection at the next safe point or between a host's turns (after a turn that failed, say). */
    public void wantCollection() { collectionWanted = true; }

    /** The state's memory limit in bytes (0: none). */
    public long limit() { return limit; }

    /** Finalizers still to run while the state closes (see {@link #closeState}). */
    private java.util.ArrayDeque<Object> closing;

    /**
     * Closes: calls the finalizers of every registered object, newest first; later
     * registrations are ignored. Called again while those finalizers run (os.exit(code,
     * true) inside one, as lua_close inside a finalizer), it runs the ones still pending.
     */
    void closeState(LuaThread th) {
        if (closed) {
            if (closing != null) drainClosing(th);
            return;
        }
        closed = true;
        List<Object> all = new ArrayList<>(finobj);
        Collections.reverse(all);
        finobj.clear();
        finset.clear();
        closing = new java.util.ArrayDeque<>(all);
        drainClosing(th);
    }

    private void drainClosing(LuaThread th) {
        Object o;
        while ((o = closing.poll()) != null) callFinalizers(th, List.of(o));
    }

    private void collect(LuaThread th) {
        collections++;
        collectionWanted = false;
        if (++epoch == 0) epoch = 1;
        GcMarker m = new GcMarker(epoch, limit > 0);
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
        estimate = m.bytes + held;
        paceBase = estimate + m.walk;
        allocated = 0;
        deferred = 0;
        if (!m.weakValues.isEmpty() || !m.ephemerons.isEmpty() || !m.allWeak.isEmpty()) {
            weakSeen = true;
            state.startPinning();
        }
        stepCredit = 0;
        retrigger();
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

    /** "incremental" or "generational". */
    public String mode() { return mode; }

    /** Switches the mode; returns the previous one. */
    public String setMode(String m) {
        String old = mode;
        mode = m;
        retrigger();
        return old;
    }

    /**
     * collectgarbage("incremental", pause, stepmul, stepsize): a 0 keeps a
     * parameter; pause and stepmul are kept as the reference keeps them
     * (a quarter of the value in a byte). Returns the previous mode.
     */
    public String incremental(long pause, long stepmul, long stepsize) {
        if (pause != 0) this.pause = asByte(pause);
        if (stepmul != 0) this.stepmul = asByte(stepmul);
        if (stepsize != 0) stepsizeLog = (int) stepsize;
        return setMode("incremental");
    }

    /** collectgarbage("generational", minormul, majormul): a 0 keeps a parameter; returns the previous mode. */
    public String generational(long minor, long major) {
        if (minor != 0) genMinor = (int) (minor & 0xff);
        if (major != 0) genMajor = asByte(major);
        return setMode("generational");
    }

    /** The reference's setgcparam: v / 4 (C division) in an unsigned byte. */
    private static int asByte(long v) { return (int) ((v / 4) & 0xff); }

    /** collectgarbage("setpause", v): returns the previous value as the reference reports it. */
    public long setPause(long v) { long o = pause * 4L; pause = asByte(v); retrigger(); return o; }

    /** collectgarbage("setstepmul", v): returns the previous value as the reference reports it. */
    public long setStepmul(long v) { long o = stepmul * 4L; stepmul = asByte(v); retrigger(); return o; }
}
