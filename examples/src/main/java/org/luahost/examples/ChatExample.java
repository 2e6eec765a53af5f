package org.luahost.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;

import org.luahost.persistence.SessionStore;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.Script;
import org.luahost.vm.LuaTable;

/**
 * The chat room of {@code examples/chat/chat.lua}, driven from Java: each
 * player is a session, the room is a session that relays what its members
 * say, and each player's pushes (what its WebSocket clients would receive)
 * are printed. Sessions are saved in a temporary store and the host is
 * restarted half-way, so the room's history comes back from disk.
 *
 * <p>Run: {@code examples/run ChatExample}. The same script serves real
 * clients with {@code ./luahost serve examples/chat/chat.lua}.
 */
public final class ChatExample {
    private ChatExample() {}

    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 0 ? args[0] : "examples/chat/chat.lua"), Files.createTempDirectory("luahost-chat"), System.out);
    }

    /** Runs the chat twice (two hosts, one after the other) on the sessions saved in data; prints to out. */
    static void run(Path script, Path data, PrintStream out) throws Exception {
        Script chat = Script.file(script);
        LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        Vertx vertx = Vertx.vertx();
        for (int run = 1; run <= 2; run++) {
            out.println("-- host run " + run);
            try (SessionStore store = SessionStore.sqlite(data)) {
                LuaHost host = LuaHost.create(vertx, new HostOptions().defaultScript(chat).store(store));
                host.ready().await();
                List<String> players = run == 1 ? List.of("ann", "bob") : List.of("cid");
                for (String p : players) {
                    host.subscribe(p, values -> pushed.add(p + " <- " + LuaJson.toJsonArray(values).getValue(0)));
                    host.send(p, table("join", "lobby"));
                    print(pushed, 1, out);
                }
                if (run == 1) {
                    host.send("ann", table("say", "hello, bob"));
                    print(pushed, 2, out);
                    host.send("bob", table("say", "hi ann"));
                    print(pushed, 2, out);
                } else {
                    print(pushed, 2, out);   // the backlog from run 1, replayed by the restored room to the new player
                }
                Object[] who = host.call("room:lobby", "who").await();
                out.println("room:lobby members: " + LuaJson.toJsonArray(who).getValue(0));
                host.close().await();   // every session saved
            }
        }
        vertx.close().await();
    }

    private static LuaTable table(String key, String value) {
        LuaTable t = new LuaTable();
        t.rawset(key, value);
        return t;
    }

    private static void print(LinkedBlockingQueue<String> q, int n, PrintStream out) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            String s = q.poll(10, TimeUnit.SECONDS);
            if (s == null) throw new IllegalStateException("no push within 10 s");
            out.println(s);
        }
    }
}
