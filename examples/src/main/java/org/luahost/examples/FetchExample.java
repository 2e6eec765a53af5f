package org.luahost.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.luahost.coroutines.Async;
import org.luahost.coroutines.Carrier;
import org.luahost.vm.Args;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.Profile;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A Lua script fetching from a Java asynchronous service, written as plain
 * sequential Lua ({@code examples/fetch/fetch.lua}).
 *
 * <p>The example starts a small Vert.x HTTP server on a free local port (a
 * price list with some latency, a slow endpoint, a paged listing), exposes a
 * Vert.x HTTP client to Lua as {@code http.get(path [, port])} with
 * {@link Async#function}, and runs the script with {@link Async#call}: the
 * script runs on a virtual thread, and each {@code http.get} parks it until
 * the response arrives on the event loop.
 *
 * <p>Run: {@code examples/run FetchExample} (or with a script path of your own).
 */
public final class FetchExample {
    private FetchExample() {}

    static final Map<String, String> PRICES = Map.of("apple", "3", "pear", "4", "plum", "2");
    static final String[] PAGES = {"alpha beta", "gamma delta", "epsilon"};

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args.length > 0 ? args[0] : "examples/fetch/fetch.lua");
        System.exit(run(script, System.out, System.err));
    }

    /** Runs the script against a fresh server; returns the exit status (0, or 1 after a Lua error). */
    static int run(Path script, PrintStream out, PrintStream err) throws Exception {
        Vertx vertx = Vertx.vertx();
        Carrier carrier = Carrier.start("lua-carrier", 1L << 30);
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(req -> serve(vertx, req))
                    .listen(0).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            int port = server.actualPort();
            HttpClientAgent client = vertx.createHttpClient();

            LuaState L = LuaState.builder().profile(Profile.TRUSTED).stdout(out).stderr(err)
                    .threadFactory(carrier.virtualThreads("lua-thread")).build();   // the script and its coroutines share one carrier
            Async.openLibrary(L);                                   // async.sleep, async.timeout
            LuaTable http = new LuaTable();
            http.rawset("get", Async.function("http.get", (th, a) -> {
                String path = LuaString.toJava(Args.checkString(th, a, 1));
                int p = (int) Args.optInteger(th, a, 2, port);
                // body() inside send()'s callback (on the event loop): chained after it, from this virtual thread,
                // it can come after the response ended, and the body would never arrive
                return client.request(HttpMethod.GET, p, "localhost", path)
                        .compose(req -> req.send()
                                .compose(resp -> resp.body().map(body -> new Object[] {resp.statusCode(), body.getBytes()})))
                        .toCompletionStage();
            }));
            L.setGlobal("http", http);

            LuaFunction main = L.load(LuaString.fromBytes(Files.readAllBytes(script)), "@" + script, "t", null);
            try {
                Async.call(L, main).get();
                return 0;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof LuaError le)) throw e;
                L.stdout.flush();
                err.println("lua: " + le.getMessage() + "\n" + le.luaTraceback());
                return 1;
            } finally {
                L.stdout.flush();
            }
        } finally {
            carrier.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** The service: /price/NAME (after 20 ms), /slow (after 1 s), /page/N. Runs on the event loop. */
    static void serve(Vertx vertx, HttpServerRequest req) {
        String path = req.path();
        if (path.startsWith("/price/")) {
            String price = PRICES.get(path.substring("/price/".length()));
            vertx.setTimer(20, t -> {
                if (price == null) req.response().setStatusCode(404).end("no such item");
                else req.response().end(price);
            });
        } else if (path.equals("/slow")) {
            vertx.setTimer(1000, t -> req.response().end("finally"));
        } else if (path.startsWith("/page/")) {
            int n = Integer.parseInt(path.substring("/page/".length()));
            if (n >= 1 && n <= PAGES.length) req.response().end(PAGES[n - 1]);
            else req.response().setStatusCode(404).end();
        } else {
            req.response().setStatusCode(404).end();
        }
    }
}
