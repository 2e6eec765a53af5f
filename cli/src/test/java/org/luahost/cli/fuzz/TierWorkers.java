package org.luahost.cli.fuzz;

import org.luahost.cli.ReferenceEnv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The luahost side of a hunt: one long-lived child JVM per tier shard
 * ({@code org.luahost.cli.FuzzBatch --serve}), started on first use and kept
 * for every later batch, so a JVM's start and the warm-up of its JIT
 * compilers are paid once a hunt instead of once a batch (with batches of
 * 1,000 programs that warm-up was about a third of the interpreted tier's
 * CPU). A worker that ends (a program past the time bound, a crash) is
 * replaced by a fresh one for the programs left.
 *
 * <p>All workers run in the hunt's work folder, where the programs are
 * written (chunk names must match the reference's, which runs there too).
 *
 * <p>Threads: each shard's worker is used by one thread at a time (the
 * batch's thread for that shard); {@link #close} after the batches.
 */
final class TierWorkers implements AutoCloseable {
    private final Path root;
    private final Path work;
    private final Map<String, Worker> workers = new HashMap<>();

    TierWorkers(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    /** One worker JVM and its request/answer pipes. */
    private static final class Worker {
        Process process;
        Writer requests;
        BufferedReader answers;
    }

    /**
     * Runs every program of names that has no status yet in res, on the
     * shard's worker (started with the tier's extra JVM options), starting
     * a new worker after one ends. A worker that ended without a timeout
     * status is a crash of the JVM: the first program without a status is
     * marked with it (twice without progress: every program left).
     */
    void run(String tier, String shard, List<String> extra, List<String> names, Path res) throws IOException, InterruptedException {
        Files.createDirectories(res);
        Path list = work.resolve("list-" + shard + ".txt");
        int stuck = 0;
        while (true) {
            List<String> left = names.stream().filter(n -> !Files.exists(res.resolve(n + ".st"))).toList();
            if (left.isEmpty()) return;
            Files.write(list, left);
            Worker w;
            synchronized (this) {
                w = workers.get(shard);
            }
            if (w == null) w = start(shard, extra);
            String answer;
            try {
                w.requests.write(list + "\t" + res + "\n");
                w.requests.flush();
                answer = w.answers.readLine();
            } catch (IOException e) {
                answer = null;   // the worker died between requests
            }
            if ("DONE".equals(answer)) continue;
            int st = w.process.waitFor();
            synchronized (this) {
                workers.remove(shard);
            }
            if (st == 3) continue;   // a timeout: its program has the status "timeout"
            List<String> still = left.stream().filter(n -> !Files.exists(res.resolve(n + ".st"))).toList();
            stuck = still.size() == left.size() ? stuck + 1 : 0;
            for (String n : stuck >= 2 ? still : still.subList(0, Math.min(1, still.size()))) {
                Files.write(res.resolve(n + ".out"), new byte[0]);
                Files.write(res.resolve(n + ".err"), ("internal error: fuzz worker JVM exited with " + st
                        + " (see " + work.resolve("worker-" + shard + ".log") + ")\n").getBytes(StandardCharsets.UTF_8));
                Files.writeString(res.resolve(n + ".st"), "crash");
            }
        }
    }

    private Worker start(String shard, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(root.resolve("bin/jvm.options"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) cmd.add(l);
        }
        cmd.addAll(extra);
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-Dfuzz.timeout=" + Long.getLong("fuzz.timeout", 60));   // FuzzBatch's bound per program
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.luahost.cli.FuzzBatch", "--serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        ReferenceEnv.apply(pb);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("worker-" + shard + ".log").toFile()));
        Worker w = new Worker();
        w.process = pb.start();
        w.requests = new OutputStreamWriter(w.process.getOutputStream(), StandardCharsets.UTF_8);
        w.answers = new BufferedReader(new InputStreamReader(w.process.getInputStream(), StandardCharsets.US_ASCII));
        synchronized (this) {
            workers.put(shard, w);
        }
        return w;
    }

    /**
     * The workers' JVM options beyond bin/jvm.options, from
     * {@code -Dfuzz.jvm} (space-separated). Default: C1 only. Measured
     * 2026-12-06 (tests/fuzz/README.md): with C2 the workers cost more per
     * program even after 1,500 programs (the interpreted tier 17 ms instead
     * of 8, the compiled one 68 instead of 38): every block compiled in the
     * compiled tier is a new hidden class, and C2 keeps compiling and
     * throwing away code around them.
     */
    static final List<String> JVM_OPTIONS = System.getProperty("fuzz.jvm", "-XX:TieredStopAtLevel=1").isBlank() ? List.of()
            : List.of(System.getProperty("fuzz.jvm", "-XX:TieredStopAtLevel=1").strip().split("\\s+"));

    /**
     * CPU seconds used so far by this hunt: this JVM and its waited-for
     * children (the reference runs, workers that have ended) from /proc,
     * plus the live workers.
     */
    synchronized double cpuSeconds() {
        double s = cpuSeconds(ProcessHandle.current().pid(), true);
        for (Worker w : workers.values()) s += cpuSeconds(w.process.pid(), false);
        return s;
    }

    /**
     * User and system CPU seconds of a process from /proc (0 when gone), its
     * waited-for children included when {@code children}.
     */
    static double cpuSeconds(long pid, boolean children) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14-17 of proc(5): utime stime cutime cstime (here from index 11, after pid, comm, state)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (children) t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return t / 100.0;   // clock ticks (USER_HZ 100 on Linux)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        for (Worker w : workers.values()) {
            try {
                w.requests.close();
                if (!w.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) w.process.destroyForcibly().waitFor();
            } catch (IOException | InterruptedException e) {
                w.process.destroyForcibly();
            }
        }
        workers.clear();
    }
}
