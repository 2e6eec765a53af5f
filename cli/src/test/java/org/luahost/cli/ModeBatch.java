package org.luahost.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;

import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.Session;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionListener;
import org.luahost.scheduler.SessionOptions;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.Profile;

/**
 * Runs corpus cases of one folder in one JVM in the two extra modes of
 * {@link CorpusModesTest}: {@code coroutine} (the case's main chunk is the
 * body of a coroutine, resumed once from the main thread of a state built as
 * {@code luahost lua} builds it) and {@code session} (the case's file is the
 * script of a scheduler session, {@code LuaHost}/{@code Session}, under the
 * trusted profile; print and io.write reach {@link HostOptions#output}).
 *
 * <p>{@code ModeBatch MODE LIST RESULTS}, started in the cases' folder (so
 * chunk names and relative paths are the reference run's): for each case
 * named in LIST, {@code RESULTS/NAME.MODE.out}, {@code .err} and {@code .st}
 * (the exit status, written last). In session mode stdout and stderr are one
 * stream ({@code .out}) and {@code .err} holds the report of a failed main
 * chunk only. A case running longer than {@code -Dmodes.timeout} seconds
 * (default 60: the machine may be loaded) gets the status {@code timeout} and ends this JVM (exit
 * status 3); the caller starts a new one for the cases left.
 *
 * <p>Threads: cases run one after the other (on a Lua thread in coroutine
 * mode; on the host's threads in session mode, the batch thread waiting); a
 * watchdog reads {@code current} and {@code started} (volatile).
 */
public final class ModeBatch {
    /** Resumes the chunk once in a new coroutine; reports "yielded" when it yields at top level. */
    static final String DRIVER = """
            local f = ...
            local create, resume, status = coroutine.create, coroutine.resume, coroutine.status
            local co = create(f)
            local ok, e = resume(co)
            if ok and status(co) ~= "dead" then return false, "(coroutine mode) the main chunk yielded", true end
            return ok, e
            """;
    /** What stands for the main thread's traceback in a report (not compared, see CorpusModesTest). */
    static final String TRACEBACK = "\nstack traceback:\n\t(coroutine mode)";

    private static volatile String current;
    private static volatile long started;

    /** os.exit in coroutine mode: ends the case with its status. */
    static final class CaseExit extends RuntimeException {
        final int status;

        CaseExit(int status) {
            super("os.exit(" + status + ")", null, false, false);
            this.status = status;
        }
    }

    private ModeBatch() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        List<String> names = Files.readAllLines(Path.of(args[1]));
        Path results = Path.of(args[2]);
        long timeoutNanos = Long.getLong("modes.timeout", 60) * 1_000_000_000L;
        Thread watchdog = new Thread(() -> watch(mode, results, timeoutNanos), "modes-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int status;
        if (mode.equals("coroutine")) {
            status = Main.onLuaThread(() -> {
                for (String name : names) runOne(mode, name, results);
                return 0;
            });
        } else {
            status = Sessions.runAll(names, results);
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }

    private static void runOne(String mode, String name, Path results) {
        if (Files.exists(results.resolve(name + "." + mode + ".st"))) return;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        current = name;
        started = System.nanoTime();
        int st;
        try {
            st = 0xFF & inCoroutine(name, new PrintStream(out, false), new PrintStream(err, true), stdin(name));
        } catch (Throwable t) {
            st = escaped(err, t);
        }
        current = null;
        write(results, name + "." + mode, out.toByteArray(), err.toByteArray(), Integer.toString(st));
    }

    static int escaped(ByteArrayOutputStream err, Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        err.writeBytes(("internal error (escaped the mode runner): " + sw).getBytes(StandardCharsets.UTF_8));
        return 1;
    }

    static InputStream stdin(String name) throws IOException {
        Path p = Path.of(name.substring(0, name.length() - 4) + ".stdin");
        return new ByteArrayInputStream(Files.exists(p) ? Files.readAllBytes(p) : new byte[0]);
    }

    /** One case in coroutine mode, as {@code luahost lua NAME} runs it but for the coroutine around the chunk. */
    static int inCoroutine(String name, PrintStream out, PrintStream err, InputStream in) {
        LuaState L = LuaState.builder().profile(Profile.TRUSTED).stdout(out).stderr(err).stdin(in)
                .threadFactory(Main.luaThreads())
                .exitHandler((state, status, close) -> {
                    throw new CaseExit(status);
                }).build();
        L.gc().setMode("generational");
        L.setGlobal("arg", argTable(name));
        int[] status = {0};
        try {
            L.call(JavaFunction.of(null, (th, a) -> {
                LuaFunction f;
                try {
                    f = L.loadFile(name, "bt");
                } catch (LuaError e) {
                    report(L, e.value(), false);
                    status[0] = 1;
                    return LuaFunction.NONE;
                }
                Object[] r = L.call(L.load(DRIVER, "=(coroutine mode)", "t", null), f);
                if (r.length > 0 && Boolean.FALSE.equals(r[0])) {
                    report(L, r.length > 1 ? r[1] : null, r.length <= 2);
                    status[0] = 1;
                }
                return LuaFunction.NONE;
            }));
            L.close();
        } catch (CaseExit x) {
            status[0] = x.status;
        }
        out.flush();
        return status[0];
    }

    /** The arg table lua.c makes for {@code lua NAME}. */
    static LuaTable argTable(String name) {
        LuaTable arg = new LuaTable();
        arg.rawset(-1L, LuaCommand.progname());
        arg.rawset(0L, name);
        return arg;
    }

    /** lua.c's report of an uncaught error: its message handler's text (traceback replaced) after "lua: ". */
    static void report(LuaState L, Object msg, boolean traceback) {
        String text;
        if (msg instanceof String s) {
            text = s + (traceback ? TRACEBACK : "");
        } else if (msg instanceof Long || msg instanceof Double) {
            text = Lua.numberToString(msg) + (traceback ? TRACEBACK : "");
        } else {
            LuaTable mt = Lua.metatable(L, msg);
            Object tm = mt == null ? null : mt.rawget("__tostring");
            Object r = tm == null ? null : LuaFunction.first(L.call(tm, msg));
            text = r instanceof String s ? s : "(error object is a " + Lua.typeName(msg) + " value)" + TRACEBACK;
        }
        L.stdout.flush();
        int z = text.indexOf('\0');
        if (z >= 0) text = text.substring(0, z);
        LuaCommand.writeBytes(L.stderr, LuaCommand.progname() + ": " + text + "\n");
    }

    static void write(Path results, String base, byte[] out, byte[] err, String status) {
        try {
            Files.write(results.resolve(base + ".out"), out);
            Files.write(results.resolve(base + ".err"), err);
            Files.writeString(results.resolve(base + ".st"), status, StandardCharsets.US_ASCII);
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    private static void watch(String mode, Path results, long timeoutNanos) {
        while (true) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            String name = current;
            if (name != null && System.nanoTime() - started > timeoutNanos && name.equals(current)) {
                write(results, name + "." + mode, new byte[0], new byte[0], "timeout");
                Runtime.getRuntime().halt(3);
            }
        }
    }

    /** Session mode: one host, one session per case, its output captured through a switchable stream. */
    static final class Sessions {
        private static final OutputStream[] target = {OutputStream.nullOutputStream()};

        static int runAll(List<String> names, Path results) throws Exception {
            PrintStream shared = new PrintStream(new OutputStream() {
                @Override public void write(int b) throws IOException { target[0].write(b); }
                @Override public void write(byte[] b, int off, int len) throws IOException { target[0].write(b, off, len); }
            }, true);
            Vertx vertx = Vertx.vertx();
            SessionOptions so = new SessionOptions().profile(Profile.TRUSTED).cpuBudget(Duration.ZERO).memoryLimit(0)
                    .maxTimers(0);
            // as lua.c prepares its state before the script: the global arg, generational collection
            SessionListener asLuaC = new SessionListener() {
                @Override
                public void created(Session session, LuaState L) {
                    L.gc().setMode("generational");
                    L.setGlobal("arg", argTable(current));
                }
            };
            LuaHost host = LuaHost.create(vertx, new HostOptions().verticles(1).output(shared).sessionDefaults(so)
                    .idleTimeout(Duration.ZERO).listener(asLuaC));
            host.ready().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            int i = 0;
            for (String name : names) {
                if (Files.exists(results.resolve(name + ".session.st"))) continue;
                ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
                target[0] = out;
                current = name;
                started = System.nanoTime();
                String st;
                try {
                    st = runSession(host, "case" + (i++), name, so, err);
                } catch (Throwable t) {
                    st = Integer.toString(escaped(err, t));
                }
                shared.flush();
                target[0] = OutputStream.nullOutputStream();
                current = null;
                write(results, name + ".session", out.toByteArray(), err.toByteArray(), st);
            }
            return 0;
        }

        private static String runSession(LuaHost host, String id, String name, SessionOptions so, ByteArrayOutputStream err)
                throws Exception {
            String st = "0";
            try {
                host.session(id, Script.file(Path.of(name)), so).toCompletionStage().toCompletableFuture().get();
            } catch (java.util.concurrent.ExecutionException x) {
                if (!(x.getCause() instanceof SessionException se)) throw x;
                st = describe(se, err);
            }
            host.stop(id).toCompletionStage().toCompletableFuture().get();
            return st;
        }

        /** The status and report of a session that failed to start (os.exit is a stop naming its status). */
        private static String describe(SessionException se, ByteArrayOutputStream err) {
            String m = se.getMessage();
            if (se.kind() == SessionException.Kind.STOPPED) {
                var mt = java.util.regex.Pattern.compile("os\\.exit\\((-?\\d+)\\)").matcher(m);
                if (mt.find()) return Integer.toString(0xFF & Integer.parseInt(mt.group(1)));
            }
            if (se.kind() != SessionException.Kind.LUA_ERROR) {
                err.writeBytes(("internal error or unexpected failure: " + se.kind() + ": " + m + "\n").getBytes(StandardCharsets.UTF_8));
                return "1";
            }
            Object v = se.luaValue();
            // lua.c's message handler for values other than strings and numbers (a table's __tostring
            // cannot be called here: the value is a copy outside the session; see the exclusions)
            String text = v instanceof String s ? s
                    : v instanceof Long || v instanceof Double ? Lua.numberToString(v)
                    : "(error object is a " + Lua.typeName(v) + " value)";
            err.writeBytes(LuaString.toBytes(LuaCommand.progname() + ": " + text + TRACEBACK + "\n"));
            return "1";
        }
    }
}
