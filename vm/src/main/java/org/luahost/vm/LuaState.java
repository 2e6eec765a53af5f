package org.luahost.vm;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

import org.luahost.vm.compiler.Compiler;
import org.luahost.vm.lib.Libraries;
import org.luahost.vm.parser.Ast;
import org.luahost.vm.parser.Parser;
import org.luahost.vm.parser.SyntaxError;
import org.luahost.vm.runtime.Ops;

/**
 * One Lua state: its globals, registry, the metatables of the non-table
 * types, its standard streams, and its threads. Independent states share
 * nothing; a state is used by one Java thread at a time.
 *
 * <p>Create one with {@link #builder()} (or {@link #create(Profile)}), which
 * fixes its settings for its life: profile, streams, work meter, exit
 * handler, module sources, thread factory. Run code with
 * {@link #load(String, String, String, Object)} or {@link #loadFile} and a
 * protected call on a thread ({@link LuaThread#pcall},
 * {@link LuaThread#tracedCall}), or {@link #call}.
 *
 * <p>Threading: everything here is touched only by the Java thread that
 * holds the state's turn (a host's own rule: one caller at a time, see the
 * coroutines module's {@code Hosting}). The thread running now,
 * {@link #current()}, is switched by the coroutine and session hosts through
 * {@code org.luahost.vm.spi.Threads#switchTo}, on the thread that holds the
 * turn, as it hands the turn to another Lua thread or takes it back.
 */
public final class LuaState {
    static {
        org.luahost.vm.spi.Threads.bind(new SpiAccess());
    }

    public final LuaTable globals = new LuaTable();
    public final LuaTable registry = new LuaTable();
    public final Profile profile;
    public final LuaThread mainThread;
    /** The thread running now (the main thread, or the coroutine that was resumed last); see {@link #current()}. */
    private LuaThread current;

    /**
     * Shared metatables of the types without their own. Written only by the
     * vm: the string library sets {@code stringMeta} while the state is built,
     * {@code debug.setmetatable} any of them through {@link #setTypeMetatable},
     * on the thread running the state.
     */
    public LuaTable stringMeta, numberMeta, booleanMeta, nilMeta, functionMeta, threadMeta;

    public final PrintStream stdout;
    public final PrintStream stderr;
    public final InputStream stdin;

    /**
     * Identity of the primitive {@code next}, so loops over {@code pairs} can
     * skip the calls. Set once by the base library while the state is built.
     */
    public LuaFunction nextFunction;
    /** Identity of the iterator {@code ipairs} returns. Set once by the base library while the state is built. */
    public LuaFunction ipairsIterator;

    /** Counts this state's work for a host that shares the CPU (null: no metering); see {@link WorkMeter}. */
    private final WorkMeter meter;
    /** What os.exit does (null: exit the JVM). */
    private final ExitHandler exitHandler;
    /** The factory of the Java threads of coroutines and calls from Java (null: the coroutines module's default). */
    private final java.util.concurrent.ThreadFactory threadFactory;

    /** State-wide extension slots for other modules (coroutines, scheduler, persistence). */
    private final java.util.Map<Class<?>, Object> extensions = new java.util.HashMap<>();

    private final Gc gc = new Gc(this);

    public Gc gc() { return gc; }

    /**
     * Whether pinned temporaries are recorded ({@link LuaThread#pin}): set for good by
     * the collector once a collection could be observed (a finalizer or a weak table was
     * registered, a file was opened, or a memory limit is set). Before that an
     * automatic collection skips its mark, so held values need no pins.
     * Set through {@link #startPinning}.
     */
    boolean pinning;

    /** Turns {@link #pinning} on for good, and the pin nodes of the JVM with it ({@code nodes.Pins.activate}). */
    void startPinning() {
        if (pinning) return;
        org.luahost.vm.nodes.Pins.activate();
        pinning = true;
    }

    /**
     * The state's memory in use as the collector estimates it, in bytes: the
     * live data the last collection found plus what was allocated since (what
     * {@code collectgarbage("count")} reports, in KB); see {@link Gc}.
     */
    public long memoryInUse() { return gc.inUse(); }

    /**
     * Passes each of the state's own roots to root: the registry, the
     * globals, the type metatables, the base library's iteration functions
     * and the main thread (those not set are skipped). What Lua code can
     * reach is reachable from these, from the stacks of the threads running
     * (the current one and those that resumed it), or from a host's own
     * references. The collector ({@link Gc}) and memory estimates (the
     * scheduler's) start their walks here, so that both see the same roots.
     */
    public void forEachRoot(java.util.function.Consumer<Object> root) {
        Object[] roots = {registry, globals, stringMeta, numberMeta, booleanMeta, nilMeta, functionMeta, threadMeta,
                nextFunction, ipairsIterator, mainThread};
        for (Object r : roots) {
            if (r != null) root.accept(r);
        }
    }

    /** Whether warnings are on (warn "@on"/"@off"). */
    private boolean warningsOn;
    private StringBuilder pendingWarning;

    LuaState(LuaStateBuilder b) {
        this.profile = b.profile;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.stdin = b.stdin;
        this.meter = b.meter;
        this.exitHandler = b.exitHandler;
        this.threadFactory = b.threadFactory;
        this.mainThread = new LuaThread(this);
        this.current = mainThread;
        if (b.memoryLimit > 0) gc.limit(b.memoryLimit);
        globals.chargeTo(gc);   // _G[i] = v grows them: charged as any table
        registry.chargeTo(gc);
        // the reference's predefined registry slots, LUA_RIDX_MAINTHREAD and LUA_RIDX_GLOBALS
        registry.rawset(1L, mainThread);
        registry.rawset(2L, globals);
    }

    /** The settings of a new state, with the defaults of {@link #create(Profile)}; {@link LuaStateBuilder#build()} makes it. */
    public static LuaStateBuilder builder() { return new LuaStateBuilder(); }

    /** A state with the given profile's libraries, on the process's standard streams. */
    public static LuaState create(Profile profile) {
        return builder().profile(profile).build();
    }

    public static LuaState create(Profile profile, PrintStream out, PrintStream err, InputStream in) {
        return builder().profile(profile).stdout(out).stderr(err).stdin(in).build();
    }

    /** A state with no libraries at all (for tests and embedders that build their own). */
    public static LuaState createBare(PrintStream out, PrintStream err, InputStream in) {
        return builder().profile(Profile.SANDBOXED).stdout(out).stderr(err).stdin(in).noLibraries().build();
    }

    /** The thread running now: the main thread, the coroutine resumed last, or a host's thread for one call. */
    public LuaThread current() { return current; }

    /** The state's work meter, or null. */
    public WorkMeter meter() { return meter; }

    /** What os.exit calls instead of exiting the JVM, or null. */
    public ExitHandler exitHandler() { return exitHandler; }

    /** The thread factory the host chose for coroutines and calls from Java, or null for the default. */
    public java.util.concurrent.ThreadFactory threadFactory() { return threadFactory; }

    /** Whether warnings are on (warn "@on"/"@off", the {@code -W} option). */
    public boolean warningsOn() { return warningsOn; }

    /** The extension another module attached under key, or null. Read on the thread holding the turn. */
    @SuppressWarnings("unchecked")
    public <T> T extension(Class<T> key) { return (T) extensions.get(key); }

    /**
     * Attaches a module's per-state object under its own key (one module never
     * replaces another's). Call it while the state is built or with its turn,
     * before the state is shared between threads.
     */
    public <T> void setExtension(Class<T> key, T value) { extensions.put(key, value); }

    // ---------------------------------------------------------------- loading and calling

    /**
     * Compiles a chunk. chunkName is the Lua chunk name ("@file.lua", "=stdin",
     * or the source itself for strings); mode is "t", "b" or "bt"; env is the
     * chunk's _ENV (the globals when null). Syntax errors are thrown as a
     * {@link LuaError} whose value is the reference's message.
     */
    public LuaFunction load(String chunk, String chunkName, String mode, Object env) {
        return load(chunk, chunkName, mode, env, null);
    }

    /**
     * As {@link #load(String, String, String, Object)}, charging the work of
     * reading the chunk to charge (or not, when null): the loading thread's
     * work meter ({@code th::charge}), so that loading a huge source is
     * subject to time slices and CPU budgets. An error charge throws ends the
     * load and is thrown as it is.
     */
    public LuaFunction load(String chunk, String chunkName, String mode, Object env,
                            java.util.function.IntConsumer charge) {
        return load(chunk, chunkName, mode, env, charge, Parser.SCRIPT_C_CALLS);
    }

    /**
     * As {@link #load(String, String, String, Object, java.util.function.IntConsumer)},
     * with the C calls the reference would have active when the parse starts
     * (for Lua's {@code load}, the calling thread's {@code ccalls}): they shift
     * the nesting depth at which the parse fails with "C stack overflow".
     */
    public LuaFunction load(String chunk, String chunkName, String mode, Object env,
                            java.util.function.IntConsumer charge, int cCalls) {
        if (!chunk.isEmpty() && chunk.charAt(0) == 0x1b) {
            if (mode != null && mode.indexOf('b') < 0) {
                throw new LuaError("attempt to load a binary chunk (mode is '" + mode + "')");
            }
            if (charge != null) charge.accept(chunk.length() / 16 + 1);   // decoding and recompiling: charged before
            return org.luahost.vm.chunk.Dump.undump(this, chunk, chunkName, env == null ? globals : env);
        }
        if (mode != null && mode.indexOf('t') < 0) {
            throw new LuaError("attempt to load a text chunk (mode is '" + mode + "')");
        }
        Ast.Chunk ast;
        try {
            ast = Parser.parse(chunk, chunkName, cCalls, charge);
        } catch (SyntaxError e) {
            throw new LuaError(e.getMessage());
        }
        return Compiler.compileMain(this, ast, env == null ? globals : env, charge);
    }

    /**
     * Compiles a file (null: the state's stdin) as {@code loadfile} does: a
     * leading byte-order mark and a first line starting with {@code #} are
     * skipped, the chunk name is "@name" ("=stdin"), mode is "t", "b" or
     * "bt". A file that cannot be read or compiled is a {@link LuaError} with
     * the reference's message ("cannot open x: No such file or directory").
     */
    public LuaFunction loadFile(String name, String mode) {
        return loadFile(name, mode, Parser.SCRIPT_C_CALLS);
    }

    /**
     * As {@link #loadFile(String, String)}, with the C calls the reference would have active
     * when the parse starts (for Lua's {@code loadfile}, {@code dofile} and {@code require},
     * the calling thread's {@code ccalls}): see {@link #load(String, String, String, Object, java.util.function.IntConsumer, int)}.
     */
    public LuaFunction loadFile(String name, String mode, int cCalls) {
        String[] chunk = FileLoader.read(this, name);
        return load(chunk[0], chunk[1], mode, null, null, cCalls);
    }

    /** As {@link #loadFile(String, String)}, with env (even nil) as the chunk's _ENV, as {@code loadfile(name, mode, env)}. */
    public LuaFunction loadFile(String name, String mode, Object env) {
        return loadFile(name, mode, env, Parser.SCRIPT_C_CALLS);
    }

    /** As {@link #loadFile(String, String, Object)}, with the C calls active (see {@link #loadFile(String, String, int)}). */
    public LuaFunction loadFile(String name, String mode, Object env, int cCalls) {
        LuaFunction f = loadFile(name, mode, cCalls);
        // the first upvalue, if any, is the environment (a binary chunk may have none)
        if (f instanceof org.luahost.vm.runtime.LuaClosure c && c.upvals.length > 0) c.upvals[0].v = env;
        return f;
    }

    // ---------------------------------------------------------------- closing

    private final java.util.List<Runnable> closeHooks = new java.util.ArrayList<>();
    private boolean closed;

    /**
     * Registers something to run when the state is closed, after its pending
     * to-be-closed variables and finalizers (a host's own clean-up).
     * Hooks run in registration order, once.
     */
    public void onClose(Runnable hook) { closeHooks.add(hook); }

    public boolean isClosed() { return closed; }

    /**
     * Closes the state as {@code lua_close} does: first the main thread's
     * pending to-be-closed variables, innermost first, with a nil error (an
     * error in one {@code __close} is passed to the next ones, as
     * {@code luaD_closeprotected} does, and is otherwise dropped); then the
     * finalizers of every object still registered for one (newest first; errors
     * become warnings; later setmetatable calls register nothing), then the
     * {@link #onClose} hooks. The state must not be
     * used to run Lua code afterwards. {@code os.exit(status, true)} and the
     * end of {@code luahost lua} call it; calling it again does nothing.
     */
    public void close() {
        if (closed) {
            gc.closeState(current != null ? current : mainThread);   // called from a finalizer at close: the rest run first
            return;
        }
        closed = true;
        Object err = null;
        Object v;
        while ((v = mainThread.popPendingTbc()) != null || mainThread.hasPendingTbc()) {
            if (v == null || v == Boolean.FALSE) continue;
            try {
                Object tm = Ops.metafield(this, v, "__close");
                if (tm != null) Ops.ccall(current, tm, new Object[] {v, err});
            } catch (LuaError e) {
                err = e.value();
            }
        }
        gc.closeState(current != null ? current : mainThread);
        for (Runnable hook : closeHooks) hook.run();
    }

    /**
     * Calls a value with the given arguments on the current thread; returns
     * all results. A Lua error is thrown as a {@link LuaError} (the frames it
     * left are unwound first); see {@link LuaThread#pcall} for an error as a value.
     */
    public Object[] call(Object fn, Object... args) {
        LuaThread th = current;
        int depth = th.depth;
        try {
            return Ops.ccall(th, fn, args);
        } catch (RuntimeException | Error e) {
            th.unwindTo(depth);   // the frames the error left: the state stays usable for the next call
            throw e;
        }
    }

    /** Runs a message handler for {@link LuaThread#raise}. */
    Object callHandler(LuaThread th, Object handler, Object value) {
        return LuaFunction.first(Ops.ccall(th, handler, new Object[] {value}));
    }

    /** The shared metatable for a value of a type without per-value metatables. */
    public LuaTable typeMetatable(Object v) {
        if (v instanceof String) return stringMeta;
        if (v == null) return nilMeta;
        if (v instanceof Long || v instanceof Double) return numberMeta;
        if (v instanceof Boolean) return booleanMeta;
        if (v instanceof LuaFunction) return functionMeta;
        if (v instanceof LuaThreadHandle) return threadMeta;
        return null;
    }

    public void setTypeMetatable(String type, LuaTable mt) {
        switch (type) {
            case "string" -> stringMeta = mt;
            case "nil" -> nilMeta = mt;
            case "number" -> numberMeta = mt;
            case "boolean" -> booleanMeta = mt;
            case "function" -> functionMeta = mt;
            case "thread" -> threadMeta = mt;
            default -> throw new IllegalArgumentException(type);
        }
    }

    /** tostring with metamethods ({@code __tostring}, {@code __name}), on the current thread. */
    public String tostring(Object v) { return Ops.tostring(current, v); }

    /** Registers a global. */
    public void setGlobal(String name, Object value) { globals.rawset(name, value); }

    public Object getGlobal(String name) { return globals.rawget(name); }

    /** Emits a warning piece (the warn function / lua_warning); msg is a Lua string. */
    public void warning(String msg, boolean tocont) {
        if (pendingWarning == null) {
            if (!tocont && msg.length() > 0 && msg.charAt(0) == '@') {
                if (msg.equals("@on")) warningsOn = true;
                else if (msg.equals("@off")) warningsOn = false;
                return;
            }
            pendingWarning = new StringBuilder();
        }
        pendingWarning.append(msg);
        if (!tocont) {
            if (warningsOn) {
                stdout.flush();
                stderr.print("Lua warning: ");
                stderr.write(LuaString.toBytes(pendingWarning.toString()), 0, pendingWarning.length());
                stderr.print("\n");
                stderr.flush();
            }
            pendingWarning = null;
        }
    }

    // ---------------------------------------------------------------- the SPI's access

    /** What {@code org.luahost.vm.spi.Threads} may do to a state and its threads (bound once, above). */
    private static final class SpiAccess implements org.luahost.vm.spi.Threads.Access {
        @Override
        public LuaThread switchTo(LuaState L, LuaThread th) {
            LuaThread previous = L.current;
            L.current = th;
            return previous;
        }

        @Override
        public void protectedFloor(LuaThread th, int floor) { th.protectedFloor = floor; }

        @Override
        public int protectedFloor(LuaThread th) { return th.protectedFloor; }
    }

    /**
     * Writes a Lua string's bytes to stdout (print, io.write); to a stream
     * that is an {@link OutputBudget}, only if it admits them (else nothing
     * is copied or written).
     */
    public void write(OutputStream out, String s) {
        if (out instanceof OutputBudget b && !b.admit(s.length())) return;
        try {
            out.write(LuaString.toBytes(s));
        } catch (java.io.IOException e) {
            throw new LuaError(LuaString.fromJava(e.getMessage()));
        }
    }
}
