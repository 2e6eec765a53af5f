package org.luahost.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import org.luahost.scheduler.Gateway;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.SessionOptions;

/**
 * {@code luahost serve [options] script.lua}: many sessions of one script
 * behind the HTTP/WebSocket {@link Gateway}. Runs until killed; exit status 1
 * when the server cannot start, 2 for a usage error.
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
              --trusted           all standard libraries (default: the sandboxed profile)
              --data DIR          where sessions will be saved (persistence is not wired to serve yet)
            """;

    static int run(String[] args) {
        int port = 8080;
        String bind = "0.0.0.0";
        HostOptions host = new HostOptions().idleTimeout(Duration.ofSeconds(300));
        SessionOptions s = new SessionOptions();
        String script = null;
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
                    case "--trusted" -> s.profile(org.luahost.vm.Profile.TRUSTED);
                    case "--data" -> {
                        value(args, ++i, a);
                        System.err.println("luahost serve: --data is not used yet: sessions are not saved");
                    }
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
        Vertx vertx = Vertx.vertx();
        LuaHost luaHost = LuaHost.create(vertx, host);
        HttpServer server;
        try {
            luaHost.ready().await();
            server = Gateway.start(luaHost, bind, port).await();
        } catch (Exception e) {
            System.err.println("luahost serve: cannot start: " + e.getMessage());
            vertx.close();
            return 1;
        }
        System.err.println("luahost: serving " + script + " on http://" + bind + ":" + server.actualPort()
                + " (POST /sessions/{id}/call/{function}, WebSocket /sessions/{id}/ws, GET /sessions)");
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                luaHost.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
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

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option '" + option + "' needs a value");
        return args[i];
    }
}
