package org.luahost.scheduler;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How a {@link LuaHost} runs: how many event-loop verticles carry its
 * sessions, the options new sessions get, the script sessions started by
 * Lua ({@code host.send}/{@code host.call} to an unknown id) or by the
 * gateway run, when idle sessions stop, and who hears about session
 * lifecycles. Mutable with fluent setters.
 */
public final class HostOptions {
    private int verticles = Math.max(1, Runtime.getRuntime().availableProcessors());
    private SessionOptions sessionDefaults = new SessionOptions();
    private Script defaultScript;
    private Duration idleTimeout = Duration.ZERO;
    private SessionListener listener = new SessionListener() {};
    private boolean eventBus = true;
    private String addressPrefix = "luahost.session.";
    private PrintStream output = System.out;

    public int verticles() { return verticles; }
    /** Event-loop verticles sessions are spread over (by id); default: one per core. */
    public HostOptions verticles(int n) { this.verticles = n; return this; }

    public SessionOptions sessionDefaults() { return sessionDefaults; }
    public HostOptions sessionDefaults(SessionOptions o) { this.sessionDefaults = o; return this; }

    public Script defaultScript() { return defaultScript; }
    /** The script a session runs when it is first addressed by id alone (Lua, the gateway, the event bus); null: such ids are unknown. */
    public HostOptions defaultScript(Script s) { this.defaultScript = s; return this; }

    public Duration idleTimeout() { return idleTimeout; }
    /** Sessions with no message for this long (and no WebSocket client) are stopped; ZERO (default): never. */
    public HostOptions idleTimeout(Duration d) { this.idleTimeout = d; return this; }

    public SessionListener listener() { return listener; }
    public HostOptions listener(SessionListener l) { this.listener = l; return this; }

    public boolean eventBus() { return eventBus; }
    /** Whether each session gets an event-bus consumer at {@link #addressPrefix()} + id (default true). */
    public HostOptions eventBus(boolean on) { this.eventBus = on; return this; }

    public String addressPrefix() { return addressPrefix; }
    public HostOptions addressPrefix(String p) { this.addressPrefix = p; return this; }

    public PrintStream output() { return output; }
    /** Where the sessions' {@code print} writes (shared by all sessions); default System.out. */
    public HostOptions output(PrintStream out) { this.output = out; return this; }
}
