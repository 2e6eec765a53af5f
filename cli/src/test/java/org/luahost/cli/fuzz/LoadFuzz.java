package org.luahost.cli.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.luahost.vm.CallResult;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;

/**
 * Mutation fuzzing of {@code load} (issue 13): Lua sources from
 * {@code tests/corpus} and the {@code string.dump} output of the ones that
 * compile, damaged by seeded mutations (byte flips, insertions, deletions,
 * truncations, splices, Lua tokens inserted, spans repeated; for binary
 * chunks also with the length and checksum fixed up so that the decoder and
 * the compiler see the damage), are loaded through the Lua function
 * {@code load}. Every result must be a function or {@code nil} and a Lua
 * error message: a Java exception out of {@code load}, an error raised by
 * {@code load} itself, a message with Java exception text, or a load that
 * runs past the time bound is a finding. A loaded binary chunk is dumped
 * again (the same rule). Nothing loaded is run.
 *
 * <p>Case {@code i} of seed {@code s} depends only on {@code s * 1000003 + i}
 * and the corpus, so a finding can be replayed alone
 * ({@code tests/fuzz/load-fuzz.sh --case S I}).
 */
public final class LoadFuzz {
    /** A load that takes longer than this is a finding (the work meter stops it there). */
    static final long BOUND_NANOS = 10_000_000_000L;
    /**
     * The binary chunk header up to the payload (Dump: the reference's header, 4 + 2 + 6 + 3 + 16
     * bytes, then luahost's marker 3, revision and flags 2, payload length and CRC-32 8).
     */
    static final int HEADER = 44;
    private static final String[] TOKENS = {
        "end", "function", "(", ")", "{", "}", "[", "]", "[[", "]]", "[==[", "--[[", "--", "=", "==", "..", "...",
        "local", "return", "goto", "::", "<const>", "<close>", "if", "then", "else", "for", "in", "do", "while",
        "repeat", "until", "break", "\"", "'", "\\", "\\z", "\\u{", "0x", "1e", ".5", "//", ">>", "~", "#", "\n",
        "\r", "\0", "\u00ff", "a.b:c", "x,y", ";",
    };

    /** One case that went wrong: what was loaded and what happened. */
    public record Finding(long seed, int index, String kind, String input, String problem) {}

    private final List<String> sources = new ArrayList<>();
    private final List<String> dumps = new ArrayList<>();
    private final LuaState L;
    private final LuaFunction load, dump;
    private long deadline = Long.MAX_VALUE;

    /** A fuzzer over the corpus of the repository at root. */
    public LoadFuzz(Path root) throws IOException {
        L = LuaState.builder().profile(Profile.TRUSTED).meter(this::onWork).build();
        load = (LuaFunction) L.getGlobal("load");
        dump = (LuaFunction) ((LuaTable) L.getGlobal("string")).rawget("dump");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root.resolve("tests/corpus"))) {
            files = s.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        for (Path p : files) {
            String src = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            sources.add(src);
            Object[] r = callLoad(src, "t");
            if (r != null && r.length > 0 && r[0] instanceof LuaFunction f) {
                for (boolean strip : new boolean[] {false, true}) {
                    CallResult d = L.mainThread.pcall(dump, new Object[] {f, strip});
                    if (d instanceof CallResult.Ok ok && ok.values()[0] instanceof String b) dumps.add(b);
                }
            }
        }
        if (sources.isEmpty() || dumps.isEmpty()) throw new IOException("no corpus under " + root.resolve("tests/corpus"));
    }

    /** The work meter: a load past its time bound is stopped with an error (reported as a hang). */
    private int onWork(LuaThread th) {
        if (System.nanoTime() > deadline) throw th.raise("fuzz: load ran past its time bound");
        return 4096;
    }

    public int sources() { return sources.size(); }

    public int dumps() { return dumps.size(); }

    /** Runs cases [first, first + count) of seed; the findings. */
    public List<Finding> run(long seed, int first, int count) {
        List<Finding> out = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            Finding f = runCase(seed, i);
            if (f != null) out.add(f);
        }
        return out;
    }

    /** Case i of seed: even cases mutate a source, odd ones a binary chunk. */
    public Finding runCase(long seed, int i) {
        Random rnd = new Random(seed * 1_000_003L + i);
        boolean binary = (i & 1) == 1;
        String input = binary ? mutateBinary(rnd) : mutateSource(rnd);
        String kind = binary ? "binary" : "source";
        String problem = check(input, binary);
        return problem == null ? null : new Finding(seed, i, kind, input, problem);
    }

    /** Loads input; null when the outcome is acceptable, else what is wrong. */
    String check(String input, boolean binary) {
        Object[] r;
        try {
            r = callLoadChecked(input, binary ? "b" : "t");
        } catch (Throwable e) {
            return "Java exception out of load: " + describe(e);
        }
        if (r[0] instanceof String problem) return problem;
        Object[] v = (Object[]) r[0];
        if (v.length >= 1 && v[0] instanceof LuaFunction f) {
            if (!binary) return null;
            try {
                CallResult d = L.mainThread.pcall(dump, new Object[] {f, Boolean.FALSE});
                if (d instanceof CallResult.Failed failed) return messageProblem("string.dump of a loaded chunk", failed.error());
            } catch (Throwable e) {
                return "Java exception out of string.dump: " + describe(e);
            }
            return null;
        }
        if (v.length >= 2 && v[0] == null && v[1] instanceof String msg) return messageProblem("load", msg);
        return "load returned neither a function nor nil and a message: " + v.length + " values";
    }

    /** {problem} or {values}. */
    private Object[] callLoadChecked(String input, String mode) {
        deadline = System.nanoTime() + BOUND_NANOS;
        try {
            CallResult r = L.mainThread.pcall(load, new Object[] {input, "=fuzz", mode});
            if (r instanceof CallResult.Failed f) {
                String why = f.error() instanceof String s && s.contains("past its time bound") ? "hang: " : "load raised: ";
                return new Object[] {why + describeValue(f.error())};
            }
            return new Object[] {((CallResult.Ok) r).values()};
        } finally {
            deadline = Long.MAX_VALUE;
        }
    }

    private Object[] callLoad(String input, String mode) {
        CallResult r = L.mainThread.pcall(load, new Object[] {input, "=corpus", mode});
        return r instanceof CallResult.Ok ok ? ok.values() : null;
    }

    /** A problem with an error message: not a string, or Java text in it. */
    private static String messageProblem(String what, Object msg) {
        if (!(msg instanceof String s)) return what + " failed with a non-string error: " + describeValue(msg);
        if (s.contains("Exception") || s.contains("java.") || s.contains("internal error") || s.contains("org.luahost")) {
            return what + " failed with Java text in its message: " + s;
        }
        return null;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        StackTraceElement[] st = e.getStackTrace();
        for (int k = 0; k < Math.min(6, st.length); k++) sb.append("\n    at ").append(st[k]);
        return sb.toString();
    }

    private static String describeValue(Object v) {
        return v instanceof String s ? s : v instanceof LuaError e ? e.getMessage() : String.valueOf(v);
    }

    // ---------------------------------------------------------------- mutations

    private String mutateSource(Random rnd) {
        StringBuilder s = new StringBuilder(sources.get(rnd.nextInt(sources.size())));
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            switch (rnd.nextInt(8)) {
                case 0 -> flip(rnd, s);
                case 1 -> insertBytes(rnd, s);
                case 2 -> delete(rnd, s);
                case 3 -> truncate(rnd, s);
                case 4 -> splice(rnd, s, sources.get(rnd.nextInt(sources.size())));
                case 5, 6 -> s.insert(rnd.nextInt(s.length() + 1), TOKENS[rnd.nextInt(TOKENS.length)]);
                default -> repeatSpan(rnd, s);
            }
        }
        return s.toString();
    }

    private String mutateBinary(Random rnd) {
        StringBuilder s = new StringBuilder(dumps.get(rnd.nextInt(dumps.size())));
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            switch (rnd.nextInt(6)) {
                case 0, 1 -> flip(rnd, s);
                case 2 -> insertBytes(rnd, s);
                case 3 -> delete(rnd, s);
                case 4 -> truncate(rnd, s);
                default -> varint(rnd, s);
            }
        }
        // most cases get a fixed-up length and checksum, so that the damage reaches the decoder and the compiler
        if (rnd.nextInt(8) != 0 && s.length() > HEADER) fixChecksum(s);
        return s.toString();
    }

    private static void flip(Random rnd, StringBuilder s) {
        if (s.isEmpty()) return;
        int i = rnd.nextInt(s.length());
        s.setCharAt(i, (char) ((s.charAt(i) ^ (1 << rnd.nextInt(8))) & 0xFF));
    }

    private static void insertBytes(Random rnd, StringBuilder s) {
        int at = rnd.nextInt(s.length() + 1), n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) s.insert(at, (char) rnd.nextInt(256));
    }

    private static void delete(Random rnd, StringBuilder s) {
        if (s.isEmpty()) return;
        int at = rnd.nextInt(s.length());
        s.delete(at, Math.min(s.length(), at + 1 + rnd.nextInt(16)));
    }

    private static void truncate(Random rnd, StringBuilder s) {
        s.setLength(rnd.nextInt(s.length() + 1));
    }

    private static void splice(Random rnd, StringBuilder s, String other) {
        if (other.isEmpty()) return;
        int a = rnd.nextInt(other.length()), b = Math.min(other.length(), a + rnd.nextInt(200));
        s.insert(rnd.nextInt(s.length() + 1), other, a, b);
    }

    private static void repeatSpan(Random rnd, StringBuilder s) {
        if (s.isEmpty()) return;
        int a = rnd.nextInt(s.length()), b = Math.min(s.length(), a + 1 + rnd.nextInt(64));
        String span = s.substring(a, b);
        int times = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 300 : 4);
        s.insert(b, span.repeat(times));
    }

    /** Writes a large or "negative" varint (a length or a count) somewhere in the payload. */
    private static void varint(Random rnd, StringBuilder s) {
        if (s.length() <= HEADER) return;
        int at = HEADER + rnd.nextInt(s.length() - HEADER);
        int len = 1 + rnd.nextInt(10);
        StringBuilder v = new StringBuilder();
        for (int k = 0; k < len - 1; k++) v.append((char) (0x80 | rnd.nextInt(128)));
        v.append((char) (len == 10 ? rnd.nextInt(2) : rnd.nextInt(128)));
        s.replace(at, Math.min(s.length(), at + 1), v.toString());
    }

    /** Sets the header's payload length and CRC-32 to those of the bytes after it. */
    static void fixChecksum(StringBuilder s) {
        CRC32 crc = new CRC32();
        for (int i = HEADER; i < s.length(); i++) crc.update(s.charAt(i) & 0xFF);
        putU32(s, HEADER - 8, s.length() - HEADER);
        putU32(s, HEADER - 4, (int) crc.getValue());
    }

    private static void putU32(StringBuilder s, int at, int v) {
        for (int k = 0; k < 4; k++) s.setCharAt(at + k, (char) ((v >>> (24 - 8 * k)) & 0xFF));
    }

    // ---------------------------------------------------------------- long runs

    /**
     * {@code LoadFuzz ROOT OUTDIR SEED COUNT}: runs COUNT cases of each seed
     * from SEED on (SEED, SEED+1, ... until COUNT cases in all, 10,000 a seed)
     * and writes each finding to OUTDIR as {@code S-I.<kind>} (the input) and
     * {@code S-I.txt} (the problem). {@code LoadFuzz ROOT --case S I} replays one case.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        LoadFuzz fz = new LoadFuzz(root);
        if (args[1].equals("--case")) {
            Finding f = fz.runCase(Long.parseLong(args[2]), Integer.parseInt(args[3]));
            System.out.println(f == null ? "ok" : f.kind() + ": " + f.problem());
            System.exit(f == null ? 0 : 1);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        long seed = Long.parseLong(args[2]);
        long total = Long.parseLong(args[3]);
        long done = 0, found = 0, t0 = System.nanoTime();
        for (long s = seed; done < total; s++) {
            int n = (int) Math.min(10_000, total - done);
            for (Finding f : fz.run(s, 0, n)) {
                found++;
                String base = f.seed() + "-" + f.index();
                Files.write(out.resolve(base + "." + f.kind()), f.input().getBytes(StandardCharsets.ISO_8859_1));
                Files.writeString(out.resolve(base + ".txt"), f.problem() + "\n");
                System.out.println(base + " " + f.kind() + ": " + f.problem().lines().findFirst().orElse(""));
            }
            done += n;
            System.out.printf("seed %d: %d cases so far, %d findings, %.0f s%n", s, done, found, (System.nanoTime() - t0) / 1e9);
        }
        System.exit(found == 0 ? 0 : 1);
    }
}
