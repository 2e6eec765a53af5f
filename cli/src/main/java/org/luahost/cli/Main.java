package org.luahost.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

import org.luahost.coroutines.Carrier;
import org.luahost.vm.LuaString;

/**
 * The {@code luahost} command: dispatches to a subcommand ({@code lua},
 * {@code run}, {@code serve}, {@code sessions}, {@code kill}). The {@code ./luahost} script at the repository
 * root builds the classes and starts this class with the JVM options the VM
 * wants.
 *
 * <p>Exit statuses: whatever the subcommand returns; 2 for a usage error of
 * the {@code luahost} command itself (unknown or unimplemented subcommand).
 */
public final class Main {
    private Main() {}

    /** Stack size of the thread that runs Lua code: deep Lua recursion is deep Java recursion. */
    static final long LUA_STACK_SIZE = 1L << 30;

    public static void main(String[] args) throws InterruptedException {
        String cmd = args.length == 0 ? "" : args[0];
        int status = switch (cmd) {
            case "lua" -> {
                String[] luaArgs = luaStringArgs(args, 1);
                yield onLuaThread(() -> LuaCommand.run(luaArgs));
            }
            case "run" -> {
                String[] runArgs = luaStringArgs(args, 1);
                yield onLuaThread(() -> RunCommand.run(runArgs,
                        new java.io.PrintStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 14), false),
                        new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true), System.in));
            }
            case "serve" -> ServeCommand.run(Arrays.copyOfRange(args, 1, args.length));
            case "sessions", "store" -> {
                String[] storeArgs = Arrays.copyOfRange(args, 1, args.length);
                yield onLuaThread(() -> StoreCommand.run(storeArgs,
                        new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true),
                        new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true)));
            }
            case "kill" -> KillCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            case "drain" -> DrainCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            case "help", "-h", "--help" -> {
                System.out.print(usage());
                yield 0;
            }
            case "" -> {
                System.err.print(usage());
                yield 2;
            }
            default -> {
                System.err.print("luahost: unknown command '" + cmd + "'\n" + usage());
                yield 2;
            }
        };
        System.out.flush();
        System.err.flush();
        if (status == 0 && noOtherUserThreads()) return;   // the JVM ends with status 0: see below
        System.exit(status);
    }

    /**
     * Whether this is the last live non-daemon thread, so that returning from
     * main ends the JVM at once, as System.exit(0) would: the shutdown hooks
     * run and the status is 0. Returning is cheaper: System.exit first asks
     * {@code System.getLogger("java.lang.Runtime")} whether to log the exit
     * (JDK 21+), and finding the logger backend looks for a LoggerFinder
     * service in every jar of the class path, opening and reading each, which
     * was a fifth of {@code luahost lua -e "print(1)"}'s CPU time. Platform
     * threads only: virtual threads are daemons.
     */
    private static boolean noOtherUserThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        if (n == all.length) return false;   // more than we asked for: be safe
        Thread me = Thread.currentThread();
        for (int i = 0; i < n; i++) {
            Thread t = all[i];
            if (t != me && !t.isDaemon() && t.isAlive()) return false;
        }
        return true;
    }

    static String usage() {
        return """
                usage: luahost <command> [args]
                commands:
                  lua [options] [script [args]]   run Lua like the lua5.4 program (luahost lua -h lists its options)
                  run [--session NAME] [--data DIR | --store URI] [--skip-unsaveable] script.lua [args]
                                                  run a script in a persistent session (restore, run, save)
                  serve [--port N] [options] script.lua   host sessions of script over HTTP/WebSocket (serve -h)
                  sessions [--data DIR | --store URI] list|history|show|export|import|delete|backup ...
                                                  inspect and manage stored sessions (sessions -h; alias: store)
                  kill [--url URL] [--admin-token T] ID...  kill sessions of a running serve, even mid-turn (kill -h)
                  drain [--url URL] [--admin-token T]   save and passivate a running serve's sessions, leave the
                                                  cluster and end (drain -h; also serve --drain)
                """;
    }

    /**
     * The carrier of this process's Lua threads, or null when the JDK does not
     * let us choose a virtual thread's carrier (see {@link Carrier}).
     */
    private static volatile Carrier carrier;

    /**
     * Runs body on a virtual thread, as every Lua thread runs (issue 3): the
     * main chunk and the coroutines of the state share one carrier thread
     * with a large stack, so a coroutine switch stays on one core, and deep
     * Lua recursion reaches the VM's own "stack overflow" limit. Without
     * carrier support (no --add-opens java.base/java.lang), body runs on an
     * ordinary virtual thread (deep recursion then needs -Xss1g, which
     * bin/jvm.options passes, for the JDK's carrier threads). Returns body's result.
     */
    static int onLuaThread(IntSupplier body) throws InterruptedException {
        int[] status = {1};
        Throwable[] failure = {null};
        Runnable r = () -> {
            try {
                status[0] = body.getAsInt();
            } catch (Throwable e) {
                failure[0] = e;
            }
        };
        Thread t;
        if (Carrier.supported()) {
            Carrier c = Carrier.start("lua-carrier", LUA_STACK_SIZE);
            carrier = c;
            t = c.virtualThreads("lua-main").newThread(r);
        } else {
            t = Thread.ofVirtual().name("lua-main").unstarted(r);
        }
        t.start();
        t.join();
        if (failure[0] instanceof RuntimeException e) throw e;
        if (failure[0] instanceof Error e) throw e;
        return status[0];
    }

    /** The thread factory of a command's state: its coroutines run on the process's Lua carrier (null: the default threads). */
    static java.util.concurrent.ThreadFactory luaThreads() {
        Carrier c = carrier;
        return c == null ? null : c.virtualThreads("lua-thread");
    }

    /**
     * The command-line arguments from index {@code from} as Lua strings (one
     * char per byte). The JVM decodes arguments with the platform charset,
     * which loses bytes under the C locale; on Linux the exact bytes are read
     * back from /proc/self/cmdline, whose last entries are these arguments.
     */
    static String[] luaStringArgs(String[] args, int from) {
        String[] out = new String[args.length - from];
        byte[][] raw = rawArgs(args);
        for (int i = from; i < args.length; i++) {
            out[i - from] = raw != null ? LuaString.fromBytes(raw[i]) : LuaString.fromJava(args[i]);
        }
        return out;
    }

    private static byte[][] rawArgs(String[] args) {
        byte[] all;
        try {
            all = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0) {
                parts.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (parts.size() < args.length) return null;
        byte[][] mine = parts.subList(parts.size() - args.length, parts.size()).toArray(new byte[0][]);
        // Trust /proc only when it agrees with the JVM on every ASCII-only argument
        // (the others are exactly those the JVM may have decoded lossily).
        for (int i = 0; i < args.length; i++) {
            if (isAscii(args[i]) && !new String(mine[i], StandardCharsets.ISO_8859_1).equals(args[i])) return null;
        }
        return mine;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }
}
