package org.luahost.persistence;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.luahost.vm.LuaState;

/**
 * The child process of {@link CrashTest}: restores the last saved state, then saves a growing state as fast as it
 * can and prints {@code ACK n} on stdout once save n is durable, until it is
 * killed. State n is {@code n = n; log = {1..n}; check = sum(log)}, so a
 * restored state shows whether it is exactly one saved state.
 */
public final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        LuaState L = TestStates.fresh();
        Persister p = Persister.attach(L);
        try (SessionStore store = SessionStore.sqlite(dir)) {
            // continue from what the previous (killed) child saved
            var saved = store.load("crash").toCompletableFuture().get(60, TimeUnit.SECONDS);
            if (saved.isPresent()) p.restore(saved.get().bytes());
            else TestStates.run(L, "log = {} n = 0 check = 0");
            for (;;) {
                Object n = TestStates.run(L, "n = n + 1 log[n] = n check = check + n blob = string.rep('x', 1000 + n % 5000) return n")[0];
                store.save("crash", p.capture().bytes()).toCompletableFuture().get(60, TimeUnit.SECONDS);
                System.out.println("ACK " + n);
                System.out.flush();
            }
        }
    }
}
