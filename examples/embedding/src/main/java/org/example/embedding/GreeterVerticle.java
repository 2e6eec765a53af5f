package org.example.embedding;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import org.luahost.scheduler.JsonOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;

/**
 * A verticle that owns a {@link LuaHost}: created in {@link #start()} with
 * options from the verticle's config, closed in {@link #stop()} (every
 * session stopped, and saved when the host has a store; an undeploy would
 * close it too), so the host lives exactly as long as the deployment. It
 * answers requests at {@link #ADDRESS} by calling the Lua function
 * {@code greet} of session "greeter".
 */
public final class GreeterVerticle extends VerticleBase {
    /** Where the verticle takes requests: the body is a name, the reply the greeting. */
    public static final String ADDRESS = "example.greet";

    private LuaHost host;

    @Override
    public Future<?> start() {
        // the verticle's config (a JsonObject) gives the host's options; the script is the example's own
        host = LuaHost.create(vertx, JsonOptions.hostOptions(config()).defaultScript(Script.of("greeter.lua", Main.COUNTER)));
        vertx.eventBus().<String>consumer(ADDRESS, msg ->
                host.call("greeter", "greet", msg.body())
                        .onSuccess(r -> msg.reply(r[0]))
                        .onFailure(e -> msg.fail(500, e.getMessage())));
        return host.ready();
    }

    @Override
    public Future<?> stop() {
        return host.close();
    }
}
