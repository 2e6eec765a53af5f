package org.luahost.cli;

import java.io.PrintStream;

import org.luahost.coroutines.CoroutineLibrary;
import org.luahost.vm.CallResult;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaStateBuilder;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;
import org.luahost.vm.spi.Threads;

/**
 * {@code luahost lua}: the standalone Lua interpreter, behaving as the
 * reference {@code lua5.4} program does (options, the {@code arg} table,
 * {@code LUA_INIT}, the interactive prompt, error reports and exit status).
 *
 * <p>The program name (argv[0]: {@code arg[-n]} and the prefix of error
 * messages) is what the user ran, as the reference's is its argv[0]: the
 * {@code ./luahost} launcher passes {@code "$0 lua"} (e.g. {@code ./luahost lua})
 * in the system property {@value #PROGNAME_PROPERTY}, so that a script can
 * start the same interpreter again with {@code os.execute(arg[-1] .. " t.lua")}.
 * Started without it (the tests' child JVMs), the name is {@code lua}.
 *
 * <p>Everything runs inside one Java function, {@code pmain}, as the reference
 * runs inside a C function: it is the {@code [C]: in ?} line at the bottom of
 * every traceback. Each chunk is called through {@link LuaThread#xpcall}
 * with {@link #messageHandler}, which adds the traceback.
 */
final class LuaCommand {
    static final String PROGNAME = "lua";
    /** System property holding the program name (the launcher sets it); {@link #PROGNAME} when absent. */
    static final String PROGNAME_PROPERTY = "luahost.progname";
    static final String VERSION = "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio";

    private final LuaOptions opts;
    private final LuaState L;
    private final JavaFunction handler = JavaFunction.of(null, LuaCommand::messageHandler);
    /** Ctrl-C while a chunk runs: the error "interrupted!". */
    private final Interrupts interrupts;
    /** Prefix of error reports: the program name, or null in the interactive prompt (as the reference). */
    private String progname;

    private LuaCommand(LuaOptions opts, LuaState L, Interrupts interrupts) {
        this.opts = opts;
        this.L = L;
        this.progname = opts.argv()[0];
        this.interrupts = interrupts.install(L);
    }

    /** The program name: argv[0] of the reference (see the class comment). */
    static String progname() {
        String p = System.getProperty(PROGNAME_PROPERTY);
        return p == null || p.isEmpty() ? PROGNAME : LuaString.fromJava(p);
    }

    /** Runs the command; args are Lua strings (the words after {@code lua}). Returns the exit status. */
    static int run(String[] args) {
        // the process's descriptors 1 and 2, which io.stdout:seek can move when they are files
        return run(args, LuaStateBuilder.processStdout(1 << 14, false), LuaStateBuilder.processStderr(), System.in);
    }

    /**
     * Runs the command with the given standard streams (the random-program
     * tests run many programs in one JVM this way); must run on a Lua thread
     * ({@link Main#onLuaThread}).
     */
    static int run(String[] args, PrintStream out, PrintStream err, java.io.InputStream in) {
        String[] argv = new String[args.length + 1];
        String progname = argv[0] = progname();
        System.arraycopy(args, 0, argv, 1, args.length);
        LuaOptions opts;
        try {
            opts = LuaOptions.parse(argv);
        } catch (LuaOptions.BadOption e) {
            writeBytes(err, progname + ": " + e.getMessage() + "\n" + LuaOptions.usage(progname));
            return 1;
        }
        if (opts.version()) {
            out.print(VERSION + "\n");
            out.flush();
        }
        try {
            // -E: LUA_NOENV is set before the libraries open, as lua.c does; io.stdin:seek
            // works on a file when stdin is the process's own
            LuaStateBuilder b = LuaState.builder().profile(Profile.TRUSTED).stdout(out).stderr(err);
            if (in == System.in) b.processStdin(); else b.stdin(in);
            Interrupts interrupts = new Interrupts();   // Ctrl-C: lua.c's laction, through the work meter
            // the coroutine library named, not looked up (LuaStateBuilder#libraries: start-up)
            LuaState L = b.ignoreEnvironment(opts.noEnv()).threadFactory(Main.luaThreads()).meter(interrupts)
                    .libraries(new CoroutineLibrary()).build();
            L.gc().setMode("generational");   // lua.c switches its state to generational mode
            LuaCommand cmd = new LuaCommand(opts, L, interrupts);
            boolean[] ok = {false};
            JavaFunction pmain = JavaFunction.of(null, (th, a) -> {
                ok[0] = cmd.pmain(th);
                return LuaFunction.NONE;
            });
            L.call(pmain);   // as lua.c's lua_pcall of pmain: the main chunk runs 2 C calls deep
            L.close();   // as lua.c's lua_close: the finalizers of every object still registered run
            out.flush();
            return ok[0] ? 0 : 1;
        } catch (LuaError e) {
            // Only an error in the message handler machinery itself gets here.
            return internalError(progname, out, err, e);
        } catch (OutOfMemoryError e) {
            out.flush();
            writeBytes(err, progname + ": not enough memory\n");
            return 1;
        } catch (Throwable e) {
            return internalError(progname, out, err, e);
        }
    }

    private static int internalError(String progname, PrintStream out, PrintStream err, Throwable e) {
        out.flush();
        writeBytes(err, progname + ": ");
        err.print("internal error (a bug in luahost): ");
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /** The body of pmain: returns whether everything ran without error. */
    private boolean pmain(LuaThread th) {
        createArgTable();
        if (!opts.noEnv() && !runLuaInit(th)) return false;
        if (!runArgs(th)) return false;
        if (opts.hasScript() && !runScript(th)) return false;
        if (opts.interactive()) {
            repl(th);
        } else if (!opts.hasScript() && !opts.execute() && !opts.version()) {
            if (Terminal.stdinIsTerminal()) {
                L.stdout.print(VERSION + "\n");
                repl(th);
            } else {
                doFile(th, null);   // as the reference: an error here is reported, but the status stays 0
            }
        }
        return true;
    }

    /** Global {@code arg}: the script at 0, its arguments at 1.., the interpreter and options at negative indices. */
    private void createArgTable() {
        String[] argv = opts.argv();
        int script = opts.hasScript() ? opts.script() : 0;
        LuaTable arg = new LuaTable(Math.max(0, argv.length - script - 1), script + 1);
        for (int i = 0; i < argv.length; i++) arg.rawset((long) (i - script), argv[i]);
        L.setGlobal("arg", arg);
    }

    private boolean runLuaInit(LuaThread th) {
        String name = "LUA_INIT_5_4";
        String init = System.getenv(name);
        if (init == null) {
            name = "LUA_INIT";
            init = System.getenv(name);
        }
        if (init == null) return true;
        init = LuaString.fromJava(init);
        if (init.startsWith("@")) return doFile(th, init.substring(1));
        return doString(th, init, "=" + name);
    }

    /** -e, -l and -W in command-line order. */
    private boolean runArgs(LuaThread th) {
        String[] argv = opts.argv();
        for (int i = 1; i < opts.script(); i++) {
            String a = argv[i];
            if (a.equals("-W")) {
                L.warning("@on", false);
                continue;
            }
            if (!a.startsWith("-e") && !a.startsWith("-l")) continue;
            String extra = a.length() > 2 ? a.substring(2) : argv[++i];
            boolean ok = a.charAt(1) == 'e' ? doString(th, extra, "=(command line)") : doLibrary(th, extra);
            if (!ok) return false;
        }
        return true;
    }

    /** -l mod or -l g=mod: g = require(mod). */
    private boolean doLibrary(LuaThread th, String spec) {
        int eq = spec.indexOf('=');
        String global = eq >= 0 ? spec.substring(0, eq) : spec;
        String mod = eq >= 0 ? spec.substring(eq + 1) : spec;
        Object[] r = call(th, L.getGlobal("require"), new Object[] {mod});
        if (r == null) return false;
        L.setGlobal(global, LuaFunction.first(r));
        return true;
    }

    private boolean runScript(LuaThread th) {
        String[] argv = opts.argv();
        int s = opts.script();
        String fname = argv[s].equals("-") && !argv[s - 1].equals("--") ? null : argv[s];
        LuaFunction f = loadOrReport(() -> L.loadFile(fname, "bt"));
        if (f == null) return false;
        Object[] args = scriptArgs(th);
        return args != null && call(th, f, args) != null;
    }

    /**
     * The script's arguments as lua.c's pushargs takes them, after the -e
     * options ran: arg[1] .. arg[#arg] (a length with {@code __len}), raw.
     * Null after reporting why there are none.
     */
    private Object[] scriptArgs(LuaThread th) {
        if (!(L.getGlobal("arg") instanceof LuaTable arg)) {
            report("'arg' is not a table");
            return null;
        }
        try {
            long n = arg.getMetatable() == null ? arg.length() : lengthOf(th, arg);
            Object[] args = new Object[(int) Math.max(0, Math.min(n, Integer.MAX_VALUE - 8))];
            for (int i = 1; i <= args.length; i++) args[i - 1] = arg.rawget((long) i);
            return args;
        } catch (LuaError e) {
            report(e.value());
            return null;
        }
    }

    /** luaL_len: the length by {@code __len}, which must be an integer. */
    private static long lengthOf(LuaThread th, LuaTable t) {
        Long n = Lua.toInteger(Threads.length(th, t));
        if (n == null) throw th.errorAtLevel("object length is not an integer", 1);
        return n;
    }

    private boolean doString(LuaThread th, String chunk, String chunkName) {
        LuaFunction f = loadOrReport(() -> L.load(chunk, chunkName, "bt", null));
        return f != null && call(th, f, LuaFunction.NONE) != null;
    }

    /** Runs a file (null: stdin) as the main chunk. */
    private boolean doFile(LuaThread th, String name) {
        LuaFunction f = loadOrReport(() -> L.loadFile(name, "bt"));
        return f != null && call(th, f, LuaFunction.NONE) != null;
    }

    interface Loader {
        LuaFunction load();
    }

    private LuaFunction loadOrReport(Loader loader) {
        try {
            return loader.load();
        } catch (LuaError e) {
            report(e.value());
            return null;
        }
    }

    /**
     * Calls fn protected with the message handler, as lua.c's docall (Ctrl-C
     * interrupts it); returns its results, or null after reporting the error.
     */
    Object[] call(LuaThread th, Object fn, Object[] args) {
        interrupts.arm();   // lua.c's docall: Ctrl-C interrupts the chunk
        try {
            // not a pattern switch: that is a call site the JDK links at run time, generating a class (start-up)
            CallResult r = th.xpcall(fn, args, handler);
            if (r instanceof CallResult.Ok ok) return ok.values();
            report(((CallResult.Failed) r).error());
            return null;
        } finally {
            interrupts.disarm();
        }
    }

    /** Compiles a chunk for the REPL; a syntax error is thrown as the LuaError the vm gives. */
    LuaFunction compile(String chunk, String chunkName) {
        return L.load(chunk, chunkName, "bt", null);
    }

    LuaState state() { return L; }

    /** Ctrl-C handling of this command (the prompt registers itself there). */
    Interrupts interrupts() { return interrupts; }

    /** Prints an error report: "lua: msg" on stderr (just "msg" in the prompt), after flushing stdout. */
    void report(Object msg) {
        message(progname, msg);
    }

    /** Runs the interactive prompt, whose error reports carry no program name. */
    private void repl(LuaThread th) {
        String saved = progname;
        progname = null;
        try {
            new Repl(this, th).run();
        } finally {
            progname = saved;
        }
    }

    /** l_message: the message with an optional program-name prefix; messages that are not strings print as C's "(null)". */
    void message(String progname, Object msg) {
        String text = msg instanceof String s ? s
                : msg instanceof Long || msg instanceof Double ? Lua.numberToString(msg) : "(null)";
        L.stdout.flush();
        int z = text.indexOf('\0');   // printed with "%s": a C string ends at its first '\0'
        if (z >= 0) text = text.substring(0, z);
        writeBytes(L.stderr, (progname == null ? "" : progname + ": ") + text + "\n");
    }

    static void writeBytes(PrintStream ps, String luaString) {
        ps.write(LuaString.toBytes(luaString), 0, luaString.length());
        ps.flush();
    }

    /**
     * The standalone interpreter's message handler: strings and numbers get a
     * traceback; other values use their {@code __tostring} (no traceback) or
     * become "(error object is a T value)" with a traceback.
     */
    static Object[] messageHandler(LuaThread th, Object[] a) {
        Object msg = a.length > 0 ? a[0] : null;
        String text;
        if (msg instanceof String s) {
            text = s;
        } else if (msg instanceof Long || msg instanceof Double) {
            text = Lua.numberToString(msg);
        } else {
            LuaTable mt = Lua.metatable(th.state, msg);
            Object tm = mt == null ? null : mt.rawget("__tostring");
            if (tm != null) {
                Object r = LuaFunction.first(Threads.call(th, tm, new Object[] {msg}));
                if (r instanceof String s) return JavaFunction.ret(s);
            }
            text = "(error object is a " + Lua.typeName(msg) + " value)";
        }
        return JavaFunction.ret(th.traceback(text, 1));
    }
}
