package org.luahost.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ThreadFactory;

import org.luahost.coroutines.Carrier;
import org.luahost.coroutines.CoroutineLibrary;
import org.luahost.coroutines.Hosting;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * Heap per suspended coroutine: creates N coroutines that each yield once
 * (at a given Lua call depth) and stay reachable, and divides the growth of
 * the heap after full collections by N. The figure includes everything a
 * suspended coroutine holds: its handle, its Lua thread and frames, its
 * parked virtual thread and that thread's frozen Java stack.
 *
 * <p>Run (from the repository root, after building the bench module):
 * <pre>
 * java -Djdk.trackAllThreads=false --add-opens=java.base/java.lang=ALL-UNNAMED -XX:+UseSerialGC \
 *      -cp "$(cat /tmp/bench.cp)" org.luahost.bench.CoroutineMemory [N] [depth] [carrier|shared]
 * </pre>
 */
public final class CoroutineMemory {
    private CoroutineMemory() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int depth = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        String scheduler = args.length > 2 ? args[2] : "carrier";
        ThreadFactory threads = scheduler.equals("carrier") && Carrier.supported()
                ? Carrier.start("bench-carrier", 1L << 30).virtualThreads("lua-thread")
                : Thread.ofVirtual().name("lua-", 0).factory();
        PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        LuaState L = LuaState.create(Profile.TRUSTED, out, out, new ByteArrayInputStream(new byte[0]));
        Hosting.of(L).threads(threads);
        LuaFunction make = (LuaFunction) L.call(L.load("""
                local depth = ...
                local function down(d) if d == 0 then return coroutine.yield() end return (down(d - 1)) end
                return function(n, keep)
                  for i = 1, n do
                    local co = coroutine.create(down)
                    coroutine.resume(co, depth)
                    keep[i] = co
                  end
                end
                """, "=memory", "t", null), (long) depth)[0];
        org.luahost.vm.LuaTable keep = new org.luahost.vm.LuaTable(n, 0);
        for (int i = 1; i <= n; i++) keep.rawset((long) i, Boolean.TRUE);   // the table's own slots, before measuring
        for (int i = 0; i < 5; i++) {   // warm up: the JIT compiles the path to the yield (compiled frames are smaller)
            run(threads, () -> L.call(make, 20_000L, new org.luahost.vm.LuaTable()));
            CoroutineLibrary.releaseUnreachable(L);
        }
        long before = usedAfterGc();
        run(threads, () -> L.call(make, (long) n, keep));
        long after = usedAfterGc();
        System.out.printf("%d suspended coroutines (yield at Lua depth %d, %s scheduler): %.0f bytes each; live coroutine threads %d%n",
                n, depth, scheduler, (after - before) / (double) n, CoroutineLibrary.liveThreads(L));
        if (Boolean.getBoolean("memory.histogram")) {
            System.out.println("pid " + ProcessHandle.current().pid() + "; sleeping 20 s for a class histogram");
            Thread.sleep(20_000);
        }
        java.lang.ref.Reference.reachabilityFence(keep);
        System.exit(0);
    }

    private static void run(ThreadFactory threads, Runnable r) throws InterruptedException {
        Thread t = threads.newThread(r);
        t.start();
        t.join();
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
