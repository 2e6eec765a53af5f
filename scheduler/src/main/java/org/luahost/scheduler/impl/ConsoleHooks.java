package org.luahost.scheduler.impl;

import java.util.function.Function;

import io.vertx.core.Future;

import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.vm.LuaState;

/**
 * The host's side of {@code LuaHost.eval} and {@code LuaHost.inspect} (the
 * web console's hooks; the failed turns it shows are {@link RecentErrors}):
 * each delivers one envelope ({@link Envelope.Eval}, {@link Envelope.Inspect})
 * to the session and answers with its reply. Any thread.
 */
final class ConsoleHooks {
    private ConsoleHooks() {}

    /** Runs source as a turn of s; the results are Lua values (copies). */
    static Future<Object[]> eval(SessionImpl s, String source) {
        HostImpl.PromiseReply reply = new HostImpl.PromiseReply();
        s.deliver(new Envelope.Eval(source, reply));
        return reply.promise.future();
    }

    /** Runs reader on the state of s between turns, if s (the session id) is live; else NO_SUCH_SESSION. */
    @SuppressWarnings("unchecked")
    static <T> Future<T> inspect(SessionImpl s, String id, Function<LuaState, T> reader) {
        if (s == null || !s.isLive()) {
            return Future.failedFuture(new SessionException(Kind.NO_SUCH_SESSION, "no live session '" + id + "'"));
        }
        HostImpl.PromiseReply reply = new HostImpl.PromiseReply();
        try {
            s.deliver(new Envelope.Inspect((Function<LuaState, Object>) reader, reply));
        } catch (SessionException e) {
            return Future.failedFuture(e);
        }
        return reply.promise.future().map(a -> (T) a[0]);
    }
}
