package org.example.embedding;

import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.SessionOptions;

/**
 * The smallest embedding: a Vert.x instance, a host on it, one session
 * running a Lua script, a call into it, then everything closed. Then the
 * same through {@link GreeterVerticle}, deployed and undeployed; last the
 * javax.script engine "lua".
 */
public final class Main {
    private Main() {}

    /** The Lua script of the session: state kept between calls. */
    static final String COUNTER = """
            local count = 0
            function greet(name)
              count = count + 1
              return "hello, " .. name .. " (" .. count .. ")", _VERSION
            end
            """;

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            LuaHost host = LuaHost.create(vertx, new HostOptions());
            host.session("counter", Script.of("counter.lua", COUNTER), new SessionOptions()).await();
            host.call("counter", "greet", "ann").await();
            Object[] r = host.call("counter", "greet", "bob").await();
            System.out.println(r[0] + " from " + r[1]);
            host.close().await();

            String id = vertx.deployVerticle(new GreeterVerticle(),
                    new DeploymentOptions().setConfig(new JsonObject().put("verticles", 1).put("idleTimeout", "5m"))).await();
            Object[] v = vertx.eventBus().request(GreeterVerticle.ADDRESS, "cid").await().body() instanceof String s
                    ? new Object[] {s} : new Object[] {"?"};
            System.out.println("verticle: " + v[0]);
            vertx.undeploy(id).await();
            System.out.println("verticle undeployed");
        } finally {
            vertx.close().await();
        }

        ScriptEngine lua = new ScriptEngineManager().getEngineByName("lua");
        lua.put("name", "dee");
        lua.eval(COUNTER);
        System.out.println("javax.script: " + ((Invocable) lua).invokeFunction("greet", lua.get("name")));
        ((AutoCloseable) lua).close();
    }
}
