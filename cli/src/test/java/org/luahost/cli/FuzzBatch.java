package org.luahost.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs many Lua programs in one JVM, each as {@code luahost lua NAME.lua}
 * would (its own state, the standalone interpreter's error reports and exit
 * status), with the standard streams captured: the random-program tests
 * ({@code org.luahost.cli.fuzz.FuzzRun}) start one of these per tier instead
 * of one JVM per program.
 *
 * <p>{@code FuzzBatch LIST RESULTS}: LIST names one program per line, all in
 * the working directory (so chunk names match the reference's run); for each
 * program {@code RESULTS/NAME.out}, {@code .err} and {@code .st} (the exit
 * status, written last) appear. A program that runs longer than
 * {@code -Dfuzz.timeout} seconds (default 60: the machine may be loaded) gets the status
 * {@code timeout} and ends this JVM (exit status 3): the caller starts a new
 * one for the programs left.
 *
 * <p>{@code FuzzBatch --serve}: a worker that lives for a whole hunt, so
 * that the JVM's start and the warm-up of its compilers are paid once rather
 * than once a batch. It reads requests from stdin, one a line,
 * {@code LIST<TAB>RESULTS}, runs them as above (the programs in this JVM's
 * working directory) and answers each with a line {@code DONE} on stdout;
 * the JVM's stdout is kept for these answers (System.out goes nowhere).
 * A timeout ends the worker as above; the caller starts a new one. A
 * worker whose parent (the hunt) has ended ends too, without waiting for
 * the rest of its batch.
 *
 * <p>Threads: programs run one after the other on the Lua thread; a
 * watchdog thread reads {@code current}, {@code started} and
 * {@code results} (volatile, written by the Lua thread).
 */
public final class FuzzBatch {
    private static volatile String current;
    private static volatile long started;
    private static volatile Path results;

    private FuzzBatch() {}

    public static void main(String[] args) throws Exception {
        long timeoutNanos = Long.getLong("fuzz.timeout", 60) * 1_000_000_000L;
        Thread watchdog = new Thread(() -> watch(timeoutNanos), "fuzz-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        if (args[0].equals("--serve")) {
            serve();
            return;
        }
        List<String> names = Files.readAllLines(Path.of(args[0]));
        results = Path.of(args[1]);
        int status = Main.onLuaThread(() -> {
            runAll(names);
            return 0;
        });
        System.exit(status);
    }

    private static void runAll(List<String> names) {
        for (String name : names) {
            if (!Files.exists(results.resolve(name + ".st"))) runOne(name, results);
        }
    }

    private static volatile boolean serving;
    /** The JVM that started this one (an orphan's parent() is the reaper, so the handle is kept). */
    private static final java.util.Optional<ProcessHandle> PARENT = ProcessHandle.current().parent();

    private static boolean parentAlive() {
        return PARENT.map(ProcessHandle::isAlive).orElse(true);
    }

    private static void serve() throws Exception {
        serving = true;
        PrintStream control = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.US_ASCII);
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        var requests = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        int status = Main.onLuaThread(() -> {
            try {
                for (String line; (line = requests.readLine()) != null; ) {
                    String[] req = line.split("\t");
                    results = Path.of(req[1]);
                    runAll(Files.readAllLines(Path.of(req[0])));
                    control.println("DONE");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 0;
        });
        System.exit(status);
    }

    private static void runOne(String name, Path results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, false), e = new PrintStream(err, true);
        current = name;
        started = System.nanoTime();
        int st;
        try {
            st = LuaCommand.run(new String[] {name}, o, e, new ByteArrayInputStream(new byte[0]));
        } catch (Throwable t) {   // LuaCommand reports its own internal errors; this is a crash around it
            StringWriter sw = new StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            e.print("internal error (escaped the interpreter): " + sw);
            st = 1;
        }
        current = null;
        o.flush();
        e.flush();
        try {
            Files.write(results.resolve(name + ".out"), out.toByteArray());
            Files.write(results.resolve(name + ".err"), err.toByteArray());
            Files.writeString(results.resolve(name + ".st"), Integer.toString(st), StandardCharsets.US_ASCII);
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    private static void watch(long timeoutNanos) {
        while (true) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            if (serving && !parentAlive()) Runtime.getRuntime().halt(4);   // the hunt was stopped: so is its worker
            String name = current;
            if (name != null && System.nanoTime() - started > timeoutNanos && name.equals(current)) {
                try {
                    Files.write(results.resolve(name + ".out"), new byte[0]);
                    Files.write(results.resolve(name + ".err"), new byte[0]);
                    Files.writeString(results.resolve(name + ".st"), "timeout");
                } catch (IOException e) {
                    // the caller sees no status and reports the program as a crash
                }
                Runtime.getRuntime().halt(3);
            }
        }
    }
}
