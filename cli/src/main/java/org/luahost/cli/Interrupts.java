package org.luahost.cli;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.WorkMeter;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) in {@code luahost lua}, as the reference's {@code lua.c}
 * handles it: while a chunk runs ({@link #arm}..{@link #disarm}, lua.c's
 * {@code docall}), SIGINT becomes the Lua error {@code "interrupted!"},
 * raised in the main thread at its next unit of work (lua.c's {@code laction}
 * sets a hook, {@code lstop}, that raises it at the next hook event: so the
 * error has the position {@code luaL_error} gives at level 1, a running
 * coroutine is not interrupted until it returns to the main thread, and the
 * main thread's debug hook is removed). Outside a chunk (at the prompt,
 * loading a script, closing the state), and for a second SIGINT before the
 * first was delivered, the process dies by the signal, as under lua.c's
 * {@code SIG_DFL}. A process started with SIGINT ignored (a background job)
 * ignores it until the first chunk ends, as lua.c, whose {@code docall}
 * installs its handler over the inherited {@code SIG_IGN}.
 *
 * <p>Cost: the delivery piggybacks on the work counter every Lua thread
 * already counts down ({@link LuaThread#workLeft}): this class is the state's
 * {@link WorkMeter}, consulted every {@value #ALLOWANCE} calls or loop
 * iterations, where it reads the volatile {@link #pending} flag. The hot path
 * is unchanged.
 *
 * <p>Threads: {@link #onSignal} runs on the JVM's signal-dispatch thread and
 * only writes the volatile flags; {@link #onWork} runs on the Lua thread.
 */
final class Interrupts implements WorkMeter {
    /** Units of work between two looks at {@link #pending}. */
    static final int ALLOWANCE = 1 << 12;
    private static final Signal SIGINT = new Signal("INT");

    /** The state whose main thread is interrupted; set once by {@link #install} before any chunk runs. */
    private LuaState L;
    /** A chunk runs: SIGINT becomes an error (lua.c: laction is SIGINT's handler). */
    private volatile boolean armed;
    /** SIGINT came while armed: the main thread raises "interrupted!" at its next look. */
    private volatile boolean pending;
    /** SIGINT was ignored when the process started and no chunk has ended yet: unarmed, it is ignored. */
    private volatile boolean ignoreUnarmed;

    /** A meter for a state not yet built: give it to the state's builder, then {@link #install} it. */
    Interrupts() {}

    /** Handles SIGINT for L (built with this as its work meter) from now on. */
    Interrupts install(LuaState L) {
        if (L.meter() != this) throw new IllegalArgumentException("the state was not built with this meter");
        this.L = L;
        Interrupts in = this;
        try {
            SignalHandler old = Signal.handle(SIGINT, in::onSignal);
            // Inherited SIG_IGN: the JVM leaves it in place (and says so); reset it, then handle it.
            if (old == SignalHandler.SIG_IGN && resetToDefault()) {
                in.ignoreUnarmed = true;
                Signal.handle(SIGINT, in::onSignal);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // -Xrs or a platform without SIGINT: Ctrl-C keeps the JVM's behaviour
        }
        return in;
    }

    /** A chunk starts running (lua.c's docall sets laction). */
    void arm() {
        armed = true;
    }

    /** The chunk ended (lua.c's docall sets SIG_DFL): SIGINT kills from now on. */
    void disarm() {
        armed = false;
        ignoreUnarmed = false;
    }

    /** The line-editing prompt while it waits for a line (Ctrl-C cancels the line there), or null. */
    private volatile Prompt prompt;

    /** The interactive prompt in use (null: none): SIGINT while it reads a line cancels that line. */
    void prompt(Prompt p) {
        prompt = p;
    }

    private void onSignal(Signal sig) {
        Prompt p = prompt;
        if (armed) {
            armed = false;
            pending = true;
        } else if (p != null && p.interrupt()) {
            // the prompt drops the line being typed
        } else if (!ignoreUnarmed) {
            dieBySignal();
        }
    }

    /**
     * Ends the process by SIGINT with its default action, so that the parent
     * sees the signal (C's raise; the JDK raises only signals it handles).
     * Without native access: exit status 130, as a shell reports that death.
     */
    private static void dieBySignal() {
        if (resetToDefault()) {
            try {
                int unused = (int) Native.RAISE.invokeExact(2);
            } catch (Throwable e) {
                // fall through
            }
        }
        Runtime.getRuntime().halt(128 + 2);
    }

    @Override
    public int onWork(LuaThread th) {
        if (pending && th == L.mainThread && !inHook(th)) {
            pending = false;
            th.clearHook();   // lstop removes the hook (the user's is gone too)
            throw th.errorAtLevel("interrupted!", 1);
        }
        return pending ? 64 : ALLOWANCE;
    }

    /** Whether a debug hook function runs on th (hooks do not fire inside hooks). */
    private static boolean inHook(LuaThread th) {
        LuaThread.Hook h = th.hook;
        if (h == null) return false;
        for (int d = th.depth; d > 0; d--) {
            if (h.isHookFrame(d)) return true;
        }
        return false;
    }

    /** C's signal(SIGINT, SIG_DFL), when the JVM grants native access; whether it was done. */
    private static boolean resetToDefault() {
        if (!NATIVE) return false;
        try {
            MemorySegment unused = (MemorySegment) Native.SIGNAL.invokeExact(2, MemorySegment.NULL);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    private static final boolean NATIVE = Interrupts.class.getModule().isNativeAccessEnabled();

    /** C's signal and raise (initialised on first use, only with native access, which creating them needs). */
    private static final class Native {
        static final Linker LINKER = Linker.nativeLinker();
        static final MethodHandle SIGNAL = LINKER.downcallHandle(LINKER.defaultLookup().find("signal").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        static final MethodHandle RAISE = LINKER.downcallHandle(LINKER.defaultLookup().find("raise").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }
}
