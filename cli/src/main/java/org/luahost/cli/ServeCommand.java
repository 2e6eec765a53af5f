package org.luahost.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import org.luahost.cli.console.Console;
import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.UnpersistablePolicy;
import org.luahost.scheduler.CloseReport;
import org.luahost.scheduler.Gateway;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.SessionOptions;

/**
 * {@code luahost serve [options] script.lua}: many sessions of one script
 * behind the HTTP/WebSocket {@link Gateway}, saved in a SQLite store in the
 * data directory (default {@code ./.luahost}), or in PostgreSQL with
 * {@code --store URI} ({@link StoreFlags}), unless {@code --no-data}.
 * Runs until stopped; exit status 1 when the server cannot start, 2 for a
 * usage error. The gateway listens on 127.0.0.1 unless {@code --host} says
 * otherwise, and refuses a non-loopback address without {@code --token}
 * (or an explicit {@code --no-auth}); see {@link GatewayFlags} for tokens,
 * admin rights, TLS and limits. {@code --config FILE} reads the same options
 * from a JSON or YAML file ({@link ServeConfig}); flags override it. The
 * web console is served beside the gateway at {@code /console/} ({@link Console}).
 *
 * <p>Shutdown (SIGTERM, SIGINT): the HTTP server stops taking requests, every
 * session finishes the messages in its mailbox and is saved, the store
 * finishes its writes, then the process exits, within
 * {@code --shutdown-timeout} (sessions still running at half of it are
 * killed; a session whose turn is stuck in Java code is not saved and is
 * named on stderr with the reason, see {@link LuaHost#close(Duration)}).
 * {@code os.exit} in a session ({@code --trusted}) ends that session only.
 */
final class ServeCommand {
    private ServeCommand() {}

    static final String USAGE = """
            usage: luahost serve [options] script.lua
                   luahost serve --drain [--port N] [--admin-token T]: drain a running node (luahost drain -h)
              --config FILE       read options from a JSON or YAML file whose keys are these flags without '--'
                                  ({"cpu-budget": 500, "trusted": true}); flags given here override it
              --port N            HTTP port (default 8080; 0 picks a free one)
              --idle SECONDS      stop sessions idle this long (default 300; 0 never)
              --cpu-budget MS     CPU budget of one turn (default 1000; 0 none)
              --memory-limit MB   estimated memory per session (default 64; 0 none)
              --call-timeout MS   how long host.call waits (default 10000)
              --interleave        let a session handle messages while a turn waits
              --restart-after N   restart a session's state after N failed turns in a row (default 0: never)
              --trusted           all standard libraries (default: the sandboxed profile)
              --data DIR          where sessions are saved (default ./.luahost; one process at a time)
              --no-data           do not save sessions (an idle session's state is dropped)
              --backup-dir DIR    the folder the console's backup route writes new files into (default
                                  DATA/backups; the route takes a plain file name, never a path)
            """ + StoreFlags.USAGE + """
              --save-interval MS  a changed session is saved at most this often (default 1000; 0 after every turn)
              --skip-unsaveable   save nil in place of values that cannot be saved (default: keep the previous snapshot)
              --max-sessions N    live sessions at most (default 0: no maximum; new ones get 503)
              --heap-ceiling F    fraction of the heap above which idle sessions are passivated early and
                                  new sessions refused with 503 (default 0.85; 0 off)
              --mailbox N         messages a session's mailbox holds (default 100000; a full one refuses with 503)
              --mailbox-bytes B   bytes of messages all mailboxes hold together (default: an eighth of the heap;
                      0 no bound); a session's mailbox holds at most its memory limit besides (503)
              --output-rate N[/BURST]  bytes a second a session's print, io.write, warn and host.log may write
                                  (default 65536/262144; 0 no limit); a piece that does not fit is dropped
                                  whole and the drops are reported in the log every 5 s at most
              --await-timeout MS  longest wait of a session on a Java future without its own timeout (default 30000)
              --shutdown-timeout SECONDS  SIGTERM ends the process within this (default 20)
              --allow-profile-change  restore sessions saved under another profile (default: they fail to start;
                                  sandboxed into --trusted: their data only, their functions raise when called)
              --log-level LEVEL   what the log on stderr shows: trace, debug, info (default), warn, error;
                                  failed turns, stops and failed saves are warnings, failed calls debug
            """ + GatewayFlags.USAGE + ClusterFlags.USAGE;

    static int run(String[] args) {
        if (java.util.Arrays.asList(args).contains("--drain")) return DrainCommand.run(args, System.out, System.err);
        int port = 8080;
        GatewayFlags gateway = new GatewayFlags();
        ClusterFlags cluster = new ClusterFlags();
        HostOptions host = new HostOptions().idleTimeout(Duration.ofSeconds(300)).heapCeiling(0.85);
        SessionOptions s = new SessionOptions();
        String script = null;
        StoreFlags stores = new StoreFlags();
        boolean save = true;
        Path backupDir = null;
        long shutdownSeconds = 20;
        try {
            args = ServeConfig.expand(args);   // --config FILE: the file's flags first, so that the command line's override them
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                int taken = gateway.parse(args, i);
                if (taken < 0) taken = cluster.parse(args, i);
                if (taken >= 0) {
                    i = taken;
                    continue;
                }
                switch (a) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--idle" -> host.idleTimeout(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
                    case "--cpu-budget" -> s.cpuBudget(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                    case "--memory-limit" -> s.memoryLimit(Long.parseLong(value(args, ++i, a)) << 20);
                    case "--call-timeout" -> s.callTimeout(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                    case "--interleave" -> s.interleave(true);
                    case "--restart-after" -> s.restartAfterErrors(Integer.parseInt(value(args, ++i, a)));
                    case "--trusted" -> s.profile(org.luahost.vm.Profile.TRUSTED);
                    case "--data" -> {
                        stores.data(Path.of(value(args, ++i, a)));
                        save = true;
                    }
                    case "--store" -> {
                        stores.store(value(args, ++i, a));
                        save = true;
                    }
                    case "--no-data" -> save = false;
                    case "--backup-dir" -> backupDir = Path.of(value(args, ++i, a));
                    case "--save-interval" -> host.saveInterval(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                    case "--skip-unsaveable" -> host.unpersistable(UnpersistablePolicy.SKIP_WITH_WARNING);
                    case "--max-sessions" -> host.maxSessions(Integer.parseInt(value(args, ++i, a)));
                    case "--heap-ceiling" -> host.heapCeiling(Double.parseDouble(value(args, ++i, a)));
                    case "--mailbox" -> host.mailboxLimit(Integer.parseInt(value(args, ++i, a)));
                    case "--mailbox-bytes" -> host.mailboxBytes(Long.parseLong(value(args, ++i, a)));
                    case "--output-rate" -> {
                        String[] v = value(args, ++i, a).split("/", 2);
                        long rate = (long) Double.parseDouble(v[0]);
                        s.outputRate(rate).outputBurst(v.length > 1 ? Long.parseLong(v[1]) : Math.max(1, rate * 4));
                    }
                    case "--await-timeout" -> host.awaitTimeout(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                    case "--shutdown-timeout" -> shutdownSeconds = Math.max(2, Long.parseLong(value(args, ++i, a)));
                    case "--allow-profile-change" -> s.allowProfileChange(true);
                    case "--log-level" -> ConsoleLogging.setLevel(value(args, ++i, a));
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("-") || script != null) throw new IllegalArgumentException("unexpected argument '" + a + "'");
                        script = a;
                    }
                }
            }
            gateway.finish();
        } catch (IllegalArgumentException e) {
            System.err.print("luahost serve: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (script == null) {
            System.err.print("luahost serve: no script given\n" + USAGE);
            return 2;
        }
        Path path = Path.of(script);
        if (!Files.isReadable(path)) {
            System.err.println("luahost serve: cannot read " + script);
            return 1;
        }
        host.defaultScript(Script.file(path)).sessionDefaults(s);
        SessionStore store = null;
        if (save) {
            try {
                store = stores.open(true, Duration.ZERO);   // one owner per data folder: refuse at once
            } catch (PersistenceException e) {
                System.err.println("luahost serve: " + e.getMessage());
                return 1;
            }
            host.store(store);
        }
        host.cluster(cluster.options);
        Vertx vertx;
        try {
            vertx = ServeMetrics.vertx(host, gateway.options, cluster.options);   // metrics: GET /metrics
        } catch (RuntimeException e) {
            System.err.println("luahost serve: cannot join the cluster: " + e.getMessage());
            if (store != null) store.close();
            return 1;
        }
        boundOutputs(host);
        LuaHost luaHost = LuaHost.create(vertx, host);
        HttpServer server;
        try {
            luaHost.ready().await();
            // the gateway, with the web console at /console/ beside it
            // POST /drain (admin): the SIGTERM path, started from a thread of its own (exit runs the shutdown hook)
            gateway.options.drain(() -> Thread.ofPlatform().name("luahost-drain").start(() -> System.exit(0)));
            Path backups = !save ? null : backupDir != null ? backupDir : stores.database() ? null : stores.data().resolve("backups");
            server = Console.start(luaHost, gateway.options.port(port), store, backups, Main.luaThreads()).await();
        } catch (Exception e) {
            System.err.println("luahost serve: cannot start: " + e.getMessage());
            vertx.close();
            if (store != null) store.close();
            drainOutputs();
            return 1;
        }
        System.err.println("luahost: serving " + script + " on " + gateway.describe() + ":" + server.actualPort()
                + " (POST /sessions/{id}/call/{export}, POST /sessions/{id}/send, WebSocket /sessions/{id}/ws, GET /sessions, console /console/; "
                + gateway.auth() + ")"
                + (!save ? "; sessions are not saved" : "; sessions are saved in " + stores.where()) + cluster.describe());
        CountDownLatch done = new CountDownLatch(1);
        SessionStore st = store;
        long bound = shutdownSeconds;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown(server, luaHost, st, vertx, bound);
            done.countDown();
        }));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * The shutdown hook, within bound seconds of its start: stop taking
     * requests (at most 2 s), close the host (until 3.5 s before the end:
     * every session saved that can be, the others named), let the store
     * finish its writes (at most 1 s more, on a thread of its own), close
     * Vert.x (at most 1 s), each step cut to what is left of the bound. A
     * watchdog ends the process at the bound whatever still waits (status
     * 143, as a SIGTERM's): what was saved by then is saved. Before, the steps'
     * own bounds added up to bound + 3 s and nothing enforced the sum (a
     * SIGTERM under load took 32 s once, docs/hardening-hunt-13.md).
     */
    private static void shutdown(HttpServer server, LuaHost luaHost, SessionStore st, Vertx vertx, long bound) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(bound);
        Thread.ofPlatform().daemon().name("luahost-shutdown-watchdog").start(() -> watchdog(end, bound));
        try {
            await(server.close(), Math.min(2_000, left(end, 4_000)));
        } catch (Exception e) {
            System.err.println("luahost: shutdown: the HTTP server did not close in time (" + describe(e) + ")");
        }
        CloseReport report = null;
        try {
            long hostMs = Math.max(500, left(end, 3_500));
            report = luaHost.close(Duration.ofMillis(hostMs)).toCompletionStage().toCompletableFuture()
                    .get(hostMs + 500, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.err.println("luahost: shutdown: the sessions did not stop in time (" + describe(e) + ")");
        }
        if (report != null) {
            report.notSaved().forEach((id, why) -> System.err.println("luahost: session '" + id + "' was not saved: " + why));
        }
        if (st != null) {
            Thread closer = Thread.ofPlatform().daemon().start(st::close);
            try {
                closer.join(Duration.ofMillis(Math.max(1, Math.min(1_000, left(end, 1_500)))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (closer.isAlive()) System.err.println("luahost: shutdown: the store did not finish its writes in time");
        }
        try {
            await(vertx.close(), Math.max(1, Math.min(1_000, left(end, 1_000))));
        } catch (Exception ignored) {
            // exiting anyway
        }
        String saved = st == null ? "" : report == null ? "; sessions may not have been saved (see above)"
                : report.clean() ? "; sessions saved (" + report.stopped() + ")"
                : "; " + report.stopped() + " sessions saved, " + report.notSaved().size() + " not saved";
        System.err.println("luahost: stopped" + saved);
        drainOutputs();
    }

    /** Milliseconds from now until reserveMs before end (at least 0). */
    private static long left(long end, long reserveMs) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) - reserveMs);
    }

    /** At end, ends the process whatever the shutdown still waits for (a daemon thread: the process may end first). */
    private static void watchdog(long end, long bound) {
        long ns;
        while ((ns = end - System.nanoTime()) > 0) java.util.concurrent.locks.LockSupport.parkNanos(ns);
        // straight to the file descriptor: the bounded stderr's queue may be what the shutdown waits on
        try {
            new java.io.FileOutputStream(java.io.FileDescriptor.err).write(("luahost: shutdown: not done within the "
                    + "shutdown timeout (" + bound + " s); exiting now\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException ignored) {
            // exiting anyway
        }
        Runtime.getRuntime().halt(143);
    }

    /** serve's stdout (the sessions' print) and stderr (the log), once they are bounded (see BoundedOutput). */
    private static BoundedOutput stdout, stderr;
    /** What each of them may hold while its reader does not keep up. */
    static final int OUTPUT_QUEUE = 4 << 20;

    /**
     * Puts serve's stdout and stderr behind queues that never block their writers: the sessions'
     * print (host's output) and the log (System.err, which the log provider looks up per event).
     */
    private static void boundOutputs(HostOptions host) {
        stdout = new BoundedOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out), OUTPUT_QUEUE, "luahost-stdout");
        stderr = new BoundedOutput(new java.io.FileOutputStream(java.io.FileDescriptor.err), OUTPUT_QUEUE, "luahost-stderr");
        host.output(new java.io.PrintStream(stdout, false));
        System.setOut(new java.io.PrintStream(stdout, true));
        System.setErr(new java.io.PrintStream(stderr, true));
    }

    /** At exit: lets what is queued reach stdout and stderr, at most a second each (a reader that is gone loses it). */
    private static void drainOutputs() {
        if (stdout != null) stdout.drain(Duration.ofSeconds(1));
        if (stderr != null) stderr.drain(Duration.ofSeconds(1));
    }

    private static String describe(Exception e) {
        Throwable c = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return c.getMessage() != null ? c.getClass().getSimpleName() + ": " + c.getMessage() : c.toString();
    }

    private static void await(io.vertx.core.Future<?> f, long ms) throws Exception {
        f.toCompletionStage().toCompletableFuture().get(ms, TimeUnit.MILLISECONDS);
    }

    /** The message of a shutdown failure: the cause's, never "null". */
    private static String reason(Throwable e) {
        if (e instanceof java.util.concurrent.ExecutionException && e.getCause() != null) e = e.getCause();
        if (e instanceof java.util.concurrent.TimeoutException) return "timed out";
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option '" + option + "' needs a value");
        return args[i];
    }
}
