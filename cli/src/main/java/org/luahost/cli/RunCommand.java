package org.luahost.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.Persister;
import org.luahost.persistence.RestoreReport;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.Snapshot;
import org.luahost.persistence.StoredSnapshot;
import org.luahost.persistence.UnpersistablePolicy;
import org.luahost.vm.CallResult;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.Profile;

/**
 * {@code luahost run [--session NAME] [--data DIR | --store URI] [--lock-wait SECONDS] [--skip-unsaveable] [--allow-profile-change] script.lua [args]}:
 * runs a script in a persistent session. The session's saved globals are
 * restored, the script runs, and what it left in its globals is saved, so the
 * next run continues from there.
 *
 * <p>Order: create the state and the {@code arg} table; index what the host
 * provided ({@link Persister#attach}); open the store in the data directory
 * (default {@code ./.luahost}) as its one owner (the folder's lock; while
 * another process holds it, wait for it at most {@code --lock-wait} seconds,
 * default 60, then fail: so two runs of one session take turns and no update
 * is lost); restore the session's newest good snapshot;
 * run the script; capture and save (waiting until the save is durable).
 * With {@code --store URI} (a shared PostgreSQL database, no folder lock) the
 * run claims the session first and saves with its fencing token: when
 * another run claimed it meanwhile, this run's save fails and nothing of it
 * is stored.
 *
 * <p>Exit status: 0 on success; 1 if the script raised an error (nothing is
 * saved: the next run starts from the last good state), if the session could
 * not be restored (the script does not run, the stored snapshots are left
 * alone: among the reasons, a snapshot made under another profile, e.g. by a
 * sandboxed {@code serve} session, unless {@code --allow-profile-change}) or if the save failed (the previous snapshot stays); 2 for a usage
 * error.
 */
final class RunCommand {
    static final String PROGNAME = "luahost";

    private final PrintStream out;
    private final PrintStream err;
    private String session;
    /** --data DIR or --store URI. */
    private final StoreFlags stores = new StoreFlags();
    private UnpersistablePolicy policy = UnpersistablePolicy.FAIL;
    /** Restore a session saved under another profile (a serve session, sandboxed); see Persister.restore. */
    private boolean allowProfileChange;
    /** How long to wait for the data folder while another process uses it. */
    private java.time.Duration lockWait = java.time.Duration.ofSeconds(60);
    private String script;
    private String[] scriptArgs;

    private RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String usage() {
        return "usage: luahost run [--session NAME] [--data DIR | --store URI] [--lock-wait SECONDS] [--skip-unsaveable] [--allow-profile-change] script.lua [args]\n";
    }

    /** Runs the command; args are the Lua strings after {@code run}. Returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        RunCommand cmd = new RunCommand(out, err);
        String bad = cmd.parse(args);
        if (bad != null) {
            LuaCommand.writeBytes(err, PROGNAME + " run: " + bad + "\n" + usage());
            return 2;
        }
        try {
            return cmd.execute(in);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Parses the options; returns an error message or null. */
    private String parse(String[] args) {
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i++) {
            String a = args[i];
            String opt = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (opt.equals("--skip-unsaveable")) {
                policy = UnpersistablePolicy.SKIP_WITH_WARNING;
                continue;
            }
            if (opt.equals("--allow-profile-change")) {
                allowProfileChange = true;
                continue;
            }
            if (opt.equals("--")) { i++; break; }
            if (!opt.equals("--session") && !opt.equals("--data") && !opt.equals("--store") && !opt.equals("--lock-wait")) {
                return "unknown option '" + a + "'";
            }
            String value;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return "option '" + a + "' needs an argument";
            }
            if (opt.equals("--session")) {
                if (value.isEmpty()) return "the session name is empty";
                session = value;
            } else if (opt.equals("--lock-wait")) {
                try {
                    lockWait = java.time.Duration.ofMillis(Math.round(Double.parseDouble(LuaString.toJava(value)) * 1000));
                } catch (NumberFormatException e) {
                    return "bad --lock-wait '" + value + "' (seconds expected)";
                }
                if (lockWait.isNegative()) return "bad --lock-wait '" + value + "' (seconds expected)";
            } else if (opt.equals("--store")) {
                try {
                    stores.store(LuaString.toJava(value));
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            } else {
                stores.data(Path.of(LuaString.toJava(value)));
            }
        }
        if (i >= args.length) return "no script given";
        script = args[i];
        scriptArgs = java.util.Arrays.copyOfRange(args, i + 1, args.length);
        if (session == null) {
            String base = Path.of(LuaString.toJava(script)).getFileName().toString();
            session = LuaString.fromJava(base.endsWith(".lua") ? base.substring(0, base.length() - 4) : base);
        }
        return null;
    }

    private int execute(InputStream in) {
        LuaState L = LuaState.builder().profile(Profile.TRUSTED).stdout(out).stderr(err).stdin(in)
                .threadFactory(Main.luaThreads()).build();
        LuaTable arg = new LuaTable(scriptArgs.length, 1);
        arg.rawset(0L, script);
        for (int i = 0; i < scriptArgs.length; i++) arg.rawset(i + 1L, scriptArgs[i]);
        L.setGlobal("arg", arg);
        Persister persister = Persister.attach(L);
        String who = "session '" + session + "'";
        try (SessionStore store = stores.open(true, lockWait)) {
            // a shared database has no folder lock: claim the session, so that the save fails (FencedOffException)
            // rather than overwrite what another run that started meanwhile saved
            long fence = stores.database() ? await(store.claim(session)) : 0;
            Optional<StoredSnapshot> saved = await(store.load(session));
            if (saved.isPresent()) {
                saved.get().warnings().forEach(this::warn);
                RestoreReport r = persister.restore(saved.get().bytes(), allowProfileChange);
                r.warnings().forEach(this::warn);
            }
            if (!runScript(L)) return 1;
            Snapshot snap;
            try {
                snap = persister.capture(policy);
            } catch (PersistenceException e) {
                return fail("cannot save " + who + ": " + e.getMessage() + " (the previous snapshot is kept)");
            }
            snap.warnings().forEach(this::warn);
            await(stores.database() ? store.save(session, snap.bytes(), fence) : store.save(session, snap.bytes()));
            return 0;
        } catch (PersistenceException e) {
            return fail(who + ": " + e.getMessage());
        }
    }

    /** Loads and runs the script with the standalone interpreter's error reports; returns whether it succeeded. */
    private boolean runScript(LuaState L) {
        boolean[] ok = {false};
        JavaFunction handler = JavaFunction.of(null, LuaCommand::messageHandler);
        JavaFunction pmain = JavaFunction.of(null, (th, a) -> {
            LuaFunction f;
            try {
                f = L.loadFile(script, "bt");
            } catch (LuaError e) {
                report(e.value());
                return LuaFunction.NONE;
            }
            switch (th.xpcall(f, scriptArgs.clone(), handler)) {
                case CallResult.Ok r -> ok[0] = true;
                case CallResult.Failed r -> report(r.error());
            }
            return LuaFunction.NONE;
        });
        pmain.invoke(L.mainThread, LuaFunction.NONE);
        out.flush();
        return ok[0];
    }

    private void report(Object msg) {
        String text = msg instanceof String s ? s : msg instanceof Long || msg instanceof Double ? Lua.numberToString(msg) : "(null)";
        out.flush();
        LuaCommand.writeBytes(err, LuaCommand.PROGNAME + ": " + text + "\n");
    }

    private void warn(String w) {
        out.flush();
        LuaCommand.writeBytes(err, PROGNAME + ": warning: " + w + "\n");
    }

    private int fail(String message) {
        out.flush();
        LuaCommand.writeBytes(err, PROGNAME + ": " + message + "\n");
        return 1;
    }

    /** Waits for a store operation (the run and sessions commands have nothing else to do meanwhile). */
    static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.MINUTES);
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof PersistenceException pe) throw pe;
            throw new PersistenceException(String.valueOf(c), c);
        } catch (TimeoutException e) {
            throw new PersistenceException("the session store did not answer within 10 minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted", e);
        }
    }
}
