package org.luahost.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.UnpersistablePolicy;
import org.luahost.scheduler.Gateway;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.SessionOptions;

/**
 * {@code luahost serve [options] script.lua}: many sessions of one script
 * behind the HTTP/WebSocket {@link Gateway}, saved in a SQLite store in the
 * data directory (default {@code ./.luahost}) unless {@code --no-data}.
 * Runs until stopped; exit status 1 when the server cannot start, 2 for a
 * usage error.
 *
 * <p>Shutdown (SIGTERM, SIGINT): the HTTP server stops taking requests, every
 * session finishes the messages in its mailbox and is saved, the store
 * finishes its writes, then the process exits.
 */
final class ServeCommand {
    private ServeCommand() {}

    static final String USAGE = """
            usage: luahost serve [options] script.lua
              --port N            HTTP port (default 8080; 0 picks a free one)
              --host ADDR         address to listen on (default 0.0.0.0)
              --idle SECONDS      stop sessions idle this long (default 300; 0 never)
              --cpu-budget MS     CPU budget of one turn (default 1000; 0 none)
              --memory-limit MB   estimated memory per session (default 64; 0 none)
              --call-timeout MS   how long host.call waits (default 10000)
              --interleave        let a session handle messages while a turn waits
              --restart-after N   restart a session's state after N failed turns in a row (default 0: never)
              --trusted           all standard libraries (default: the sandboxed profile)
              --data DIR          where sessions are saved (default ./.luahost; one process at a time)
              --no-data           do not save sessions (an idle session's state is dropped)
              --save-interval MS  a changed session is saved at most this often (default 1000; 0 after every turn)
              --skip-unsaveable   save nil in place of values that cannot be saved (default: keep the previous snapshot)
              --allow-profile-change  restore sessions saved under another profile (default: they fail to start;
                                  sandboxed into --trusted: their data only, their functions raise when called)
            """;

    static int run(String[] args) {
        int port = 8080;
        String bind = "0.0.0.0";
        HostOptions host = new HostOptions().idleTimeout(Duration.ofSeconds(300));
        SessionOptions s = new SessionOptions();
        String script = null;
        Path data = Path.of(".luahost");
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--host" -> bind = value(args, ++i, a);
                    case "--idle" -> host.idleTimeout(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
                    case "--cpu-budget" -> s.cpuBudget(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                    case "--memory-limit" -> s.memoryLimit(Long.parseLong(value(args, ++i, a)) << 20);
                    case "--call-timeout" -> s.callTimeout(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                    case "--interleave" -> s.interleave(true);
                    case "--restart-after" -> s.restartAfterErrors(Integer.parseInt(value(args, ++i, a)));
                    case "--trusted" -> s.profile(org.luahost.vm.Profile.TRUSTED);
                    case "--data" -> data = Path.of(value(args, ++i, a));
                    case "--no-data" -> data = null;
                    case "--save-interval" -> host.saveInterval(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                    case "--skip-unsaveable" -> host.unpersistable(UnpersistablePolicy.SKIP_WITH_WARNING);
                    case "--allow-profile-change" -> s.allowProfileChange(true);
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
        if (data != null) {
            try {
                store = SessionStore.sqliteLocked(data, Duration.ZERO);   // one owner per data folder: refuse at once
            } catch (PersistenceException e) {
                System.err.println("luahost serve: " + e.getMessage());
                return 1;
            }
            host.store(store);
        }
        Vertx vertx = Vertx.vertx();
        LuaHost luaHost = LuaHost.create(vertx, host);
        HttpServer server;
        try {
            luaHost.ready().await();
            server = Gateway.start(luaHost, bind, port).await();
        } catch (Exception e) {
            System.err.println("luahost serve: cannot start: " + e.getMessage());
            vertx.close();
            if (store != null) store.close();
            return 1;
        }
        System.err.println("luahost: serving " + script + " on http://" + bind + ":" + server.actualPort()
                + " (POST /sessions/{id}/call/{function}, WebSocket /sessions/{id}/ws, GET /sessions)"
                + (data == null ? "; sessions are not saved" : "; sessions are saved in " + data));
        CountDownLatch done = new CountDownLatch(1);
        SessionStore st = store;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // stop taking requests, let every session finish its mailbox and save, then let the store finish
            boolean allSaved = true;
            try {
                await(server.close(), 10);
                await(luaHost.close(), 120);
            } catch (Exception e) {
                allSaved = false;   // the message names the sessions that were not saved, and why
                System.err.println("luahost: shutdown: " + reason(e));
            }
            if (st != null) st.close();
            try {
                await(vertx.close(), 10);
            } catch (Exception ignored) {
                // exiting anyway
            }
            System.err.println("luahost: stopped" + (st == null ? "" : allSaved ? "; sessions saved"
                    : "; NOT every session was saved (see above)"));
            System.out.flush();
            done.countDown();
        }));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void await(io.vertx.core.Future<?> f, int seconds) throws Exception {
        f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
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
