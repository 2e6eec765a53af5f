package org.luahost.script;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

import org.luahost.coroutines.Carrier;
import org.luahost.coroutines.Hosting;
import org.luahost.coroutines.Values;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.Profile;

/**
 * A {@code javax.script} engine for Lua 5.4: one {@link LuaState} per engine,
 * kept for the engine's life, so globals and functions defined by one
 * {@code eval} are there for the next and for {@link #invokeFunction}.
 *
 * <h2>Bindings</h2>
 * <ul>
 * <li>The engine's own {@code ENGINE_SCOPE} bindings are the Lua globals,
 *     live ({@link GlobalsBindings}): {@code engine.put("x", 5)} sets the
 *     global {@code x}, a script's {@code y = 3} is {@code engine.get("y")}.</li>
 * <li>{@code GLOBAL_SCOPE} (the {@code ScriptEngineManager}'s bindings) is
 *     read when a global is nil: {@code _G} has a metatable whose
 *     {@code __index} looks there (a script that replaces {@code _G}'s
 *     metatable loses the fallback).</li>
 * <li>Other {@code ENGINE_SCOPE} bindings (from {@code eval(script, bindings)},
 *     a context of the caller's, or {@code setBindings}) hold the script's
 *     variables: the chunk runs with an environment that reads those bindings,
 *     then the globals, then {@code GLOBAL_SCOPE}, and writes its assignments
 *     to those bindings (as Java values).</li>
 * </ul>
 * Values cross as {@link Values} converts them: Java to Lua with
 * {@link Values#toLua} (text, numbers, maps, lists, arrays, records,
 * registered userdata types), Lua to Java with {@link Values#toJava} (strings
 * as Java text; tables, functions and coroutines stay Lua values, which can
 * be passed back in). {@code eval} and the {@code invoke} methods return the
 * first Lua result, or null for none. A Lua error is a {@link ScriptException}
 * whose cause is the {@link LuaError}. {@code print} and {@code io.write} go
 * to the context's writer, {@code io.stderr} to its error writer (bytes read
 * as UTF-8); {@code io.read} reads the process's standard input.
 *
 * <h2>Threads</h2>
 * The engine's Lua code runs on virtual threads of a carrier thread of its own
 * (one platform thread per engine, as {@code ./luahost} runs a state; plain
 * virtual threads when the JVM does not open {@code java.lang}, see the
 * README's JVM options); the calling thread waits. Calls from several threads
 * are serialized (the state's turn, {@link Hosting}), in arrival order; a Java
 * function called from the engine's Lua code may call the engine again (it
 * then runs inline). {@link #close()} ends the carrier and closes the state;
 * an engine that is dropped without it has its carrier ended by a cleaner.
 */
public final class LuaScriptEngine extends AbstractScriptEngine implements Invocable, Compilable, AutoCloseable {
    /** The carrier's stack: deep Lua recursion reaches the VM's own limit before the JVM's. */
    private static final long LUA_STACK_SIZE = 1L << 30;
    /** Set on every thread that runs an engine's Lua code: calls from there run inline. */
    private static final ThreadLocal<LuaScriptEngine> ON_LUA = new ThreadLocal<>();
    private static final Cleaner CLEANER = Cleaner.create();

    private final ScriptEngineFactory factory;
    private final LuaState L;
    private final Carrier carrier;   // null: plain virtual threads
    private final ThreadFactory threads;
    private final Cleaner.Cleanable cleanable;
    private final Environments environments;
    /** See {@link #runOnCallerThread}. */
    private volatile boolean onCallerThread;
    /** The context of the running call (null between calls): where output goes and bindings are read. */
    private volatile ScriptContext active;

    /** A new engine with its own Lua state of the given profile ({@link LuaScriptEngineFactory} gives TRUSTED ones). */
    public LuaScriptEngine(ScriptEngineFactory factory, Profile profile) {
        this.factory = factory;
        Carrier c = Carrier.supported() ? Carrier.start("lua-script-carrier", LUA_STACK_SIZE) : null;
        this.carrier = c;
        ThreadFactory base = c != null ? c.virtualThreads("lua-script")
                : Thread.ofVirtual().name("lua-script").inheritInheritableThreadLocals(false).factory();
        this.threads = r -> base.newThread(() -> {
            ON_LUA.set(this);
            r.run();
        });
        this.cleanable = c == null ? null : CLEANER.register(this, c::close);
        this.L = LuaState.builder().profile(profile)
                .stdout(new PrintStream(new ContextOutput(() -> writer(false)), false, StandardCharsets.UTF_8))
                .stderr(new PrintStream(new ContextOutput(() -> writer(true)), false, StandardCharsets.UTF_8))
                .threadFactory(threads)
                .build();
        this.environments = new Environments(this);
        environments.installGlobalScope();
        context.setBindings(new GlobalsBindings(this), ScriptContext.ENGINE_SCOPE);
    }

    /**
     * The engine's Lua state, for what javax.script has no words for
     * (registering userdata types, libraries). Use it only while no script of
     * the engine runs: before the first call, or from the engine's own Lua code.
     */
    public LuaState state() { return L; }

    /**
     * Whether calls run on the calling thread instead of a Lua thread of the
     * engine's carrier (coroutines still run on the carrier). A call then
     * saves a thread hand-off (a park and an unpark: tens of microseconds on
     * a busy machine, see the README's javax.script notes), but Lua
     * recursion is bounded by the caller's stack ({@code -Xss}; deep recursion
     * ends in the Lua error "stack overflow" sooner), and a Java future awaited
     * from Lua needs a virtual caller. Set it before the engine is shared.
     */
    public LuaScriptEngine runOnCallerThread(boolean on) {
        this.onCallerThread = on;
        return this;
    }

    /** The context of the running call, or the engine's own between calls. */
    ScriptContext currentContext() {
        ScriptContext c = active;
        return c != null ? c : context;
    }

    private Writer writer(boolean err) {
        ScriptContext c = currentContext();
        return err ? c.getErrorWriter() : c.getWriter();
    }

    @Override
    public Object eval(String script, ScriptContext ctx) throws ScriptException {
        return Values.toJava(LuaFunction.first(run(ctx, () -> L.call(load(script, ctx)))));
    }

    @Override
    public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
        return eval(read(reader), ctx);
    }

    /** The chunk compiled for ctx: with the globals as its environment, or the environment over ctx's own bindings. */
    LuaFunction load(String script, ScriptContext ctx) {
        Object env = environments.usesGlobals(ctx) ? null : environments.over(ctx);
        return L.load(LuaString.fromJava(script), chunkName(ctx), "t", env);
    }

    private static String chunkName(ScriptContext ctx) {
        Object file = ctx.getAttribute(ScriptEngine.FILENAME);
        return file != null ? "@" + file : "=script";
    }

    @Override
    public Bindings createBindings() { return new SimpleBindings(); }

    @Override
    public ScriptEngineFactory getFactory() { return factory; }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        LuaFunction f = run(context, () -> new Object[] {load(script, context)})[0] instanceof LuaFunction fn ? fn : null;
        return new LuaCompiledScript(this, script, f, environments.usesGlobals(context));
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException { return compile(read(script)); }

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        return new Invoker(this).function(name, args);
    }

    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        return new Invoker(this).method(thiz, name, args);
    }

    @Override
    public <T> T getInterface(Class<T> type) { return new Invoker(this).implement(null, type); }

    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        if (thiz == null) throw new IllegalArgumentException("getInterface: thiz is null");
        return new Invoker(this).implement(thiz, type);
    }

    /**
     * Runs body with the state's turn on one of the engine's Lua threads
     * (inline when called from there), with ctx as the context output and
     * bindings go to; returns its results. Lua errors and failed conversions
     * become {@link ScriptException}s.
     */
    Object[] run(ScriptContext ctx, Supplier<Object[]> body) throws ScriptException {
        if (L.isClosed()) throw new IllegalStateException("the engine is closed");
        if (ON_LUA.get() == this) return inline(ctx, body);
        Hosting turn = Hosting.of(L);
        turn.acquireTurn();
        if (onCallerThread) {
            LuaScriptEngine outer = ON_LUA.get();
            ON_LUA.set(this);
            try {
                return inline(ctx, body);
            } finally {
                ON_LUA.set(outer);
                turn.releaseTurn();
            }
        }
        try {
            Object[][] result = {null};
            RuntimeException[] failure = {null};
            Error[] error = {null};
            Thread t = threads.newThread(() -> {
                try {
                    result[0] = inline(ctx, body);
                } catch (ScriptException e) {
                    failure[0] = new Wrapped(e);
                } catch (RuntimeException e) {
                    failure[0] = e;
                } catch (Error e) {
                    error[0] = e;
                }
            });
            t.start();
            joinUninterruptibly(t);
            if (error[0] != null) throw error[0];
            if (failure[0] instanceof Wrapped w) throw w.exception;
            if (failure[0] != null) throw failure[0];
            return result[0];
        } finally {
            turn.releaseTurn();
        }
    }

    private Object[] inline(ScriptContext ctx, Supplier<Object[]> body) throws ScriptException {
        ScriptContext saved = active;
        active = ctx;
        try {
            return body.get();
        } catch (LuaError e) {
            throw scriptException(String.valueOf(e.getMessage()), e);
        } catch (IllegalArgumentException e) {   // a value that does not convert (ValueException) among them
            throw scriptException(e.getMessage(), e);
        } finally {
            flush(L.stdout);
            flush(L.stderr);
            active = saved;
        }
    }

    /**
     * Runs body while no Lua code of this engine runs (holding the state's
     * turn), or inline when called from the engine's own Lua code; for the
     * bindings' views of the globals.
     */
    <T> T withState(Supplier<T> body) {
        if (ON_LUA.get() == this) return body.get();
        Hosting turn = Hosting.of(L);
        turn.acquireTurn();
        try {
            return body.get();
        } finally {
            turn.releaseTurn();
        }
    }

    private static ScriptException scriptException(String message, Throwable cause) {
        ScriptException e = new ScriptException(message);
        e.initCause(cause);
        return e;
    }

    private static void flush(PrintStream out) {
        try {
            out.flush();
        } catch (UncheckedIOException e) {
            // the context's writer failed; the script's result stands
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;   // the Lua code cannot be abandoned half-way: wait, then restore the flag
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static String read(Reader reader) throws ScriptException {
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw scriptException("reading the script: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** Closes the state (its finalizers and to-be-closed variables run) and ends the engine's carrier thread. */
    @Override
    public void close() {
        if (L.isClosed()) return;
        try {
            run(context, () -> {   // on a Lua thread: __gc and __close metamethods run there
                L.close();
                return LuaFunction.NONE;
            });
        } catch (ScriptException e) {
            // an error in a finalizer is a warning in Lua; the state is closed all the same
        } finally {
            if (cleanable != null) cleanable.clean();
        }
    }

    /** A ScriptException carried through the Lua thread's unchecked channel. */
    private static final class Wrapped extends RuntimeException {
        final ScriptException exception;

        Wrapped(ScriptException e) {
            super(null, null, false, false);
            this.exception = e;
        }
    }

    LuaTable globals() { return L.globals; }

    Environments environments() { return environments; }
}
