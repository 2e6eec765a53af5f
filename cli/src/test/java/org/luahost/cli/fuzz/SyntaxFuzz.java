package org.luahost.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The differential syntax fuzzer (issue 12): malformed Lua sources made from
 * the sources of {@code tests/corpus}, {@code tests/fuzz/areas} and
 * {@code tests/libs} by {@link SyntaxMutator} go through {@code load} on
 * {@code lua5.4} and on luahost in both tiers, and the outcomes must be the
 * same: a function, or the same message byte for byte (chunk name, line,
 * wording, "near" token). Nothing loaded is run.
 *
 * <p>Both sides run {@code tests/fuzz/loadbatch.lua} over one file of
 * chunks: one {@code lua5.4} process, and one luahost JVM per tier. Case
 * {@code i} of seed {@code s} depends only on {@code s * 1000003 + i} and
 * the sources, so {@code tests/fuzz/syntax-fuzz.sh --case S I} replays it.
 *
 * <p>A divergence gets a class ({@link #classify}): what differs (the
 * outcome, the chunk name, the line, the wording, the "near" part) and the
 * reference's wording with names and numbers masked. Classes listed in
 * {@code tests/fuzz/syntax-known.txt} (documented lua5.4-only differences)
 * are counted apart and do not fail the batch of {@code ./test}.
 */
public final class SyntaxFuzz {
    /** One chunk: its chunk name (null: load's default) and source. */
    record Case(long seed, int index, String name, String src) {}

    /** A case whose outcome differs on a tier. */
    record Divergence(Case c, String tier, String ref, String ours, String cls, boolean known) {}

    final List<String> sources = new ArrayList<>();
    private final Path root;
    private final List<Pattern> known = new ArrayList<>();

    SyntaxFuzz(Path root) throws IOException {
        this.root = root;
        for (String dir : List.of("tests/corpus", "tests/fuzz/areas", "tests/libs")) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            List<Path> files;
            try (Stream<Path> s = Files.walk(d)) {
                files = s.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
            }
            for (Path p : files) sources.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
        if (sources.isEmpty()) throw new IOException("no Lua sources under " + root);
        Path k = root.resolve("tests/fuzz/syntax-known.txt");
        if (Files.exists(k)) {
            for (String line : Files.readAllLines(k)) {
                if (line.isBlank() || line.startsWith("#") || Character.isWhitespace(line.charAt(0))) continue;
                known.add(Pattern.compile(line.split("\t")[0].strip()));
            }
        }
    }

    /** Case i of seed. */
    Case generate(long seed, int i) {
        Random rnd = new Random(seed * 1_000_003L + i);
        String src = SyntaxMutator.mutate(rnd, sources.get(rnd.nextInt(sources.size())));
        int r = rnd.nextInt(20);
        String name = r < 14 ? "=name" : r < 16 ? "@dir/file.lua" : r < 17 ? "=" + "n".repeat(40 + rnd.nextInt(40))
                : r < 18 ? "@" + "d/".repeat(20 + rnd.nextInt(30)) + "f.lua" : null;
        return new Case(seed, i, name, src);
    }

    List<Case> generate(long seed, int first, int count) {
        List<Case> out = new ArrayList<>();
        for (int i = first; i < first + count; i++) out.add(generate(seed, i));
        return out;
    }

    /** Writes the cases in loadbatch.lua's input format. */
    static void writeBatch(List<Case> cases, Path file) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Case c : cases) {
            String h = (c.name() == null ? -1 : c.name().length()) + " " + c.src().length() + "\n";
            b.writeBytes((h + (c.name() == null ? "" : c.name()) + c.src()).getBytes(StandardCharsets.ISO_8859_1));
        }
        Files.write(file, b.toByteArray());
    }

    /** loadbatch.lua's answers: "OK", "ERR msg" or "RAISED msg" per case (fewer if the run stopped early). */
    static List<String> readAnswers(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        String s = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < s.length()) {
            int nl = s.indexOf('\n', i);
            if (nl < 0) break;
            String h = s.substring(i, nl);
            if (h.equals("OK")) {
                out.add("OK");
                i = nl + 1;
                continue;
            }
            int sp = h.indexOf(' ');
            int len = Integer.parseInt(h.substring(sp + 1));
            if (nl + 1 + len > s.length()) break;
            out.add(h.substring(0, sp) + " " + s.substring(nl + 1, nl + 1 + len));
            i = nl + 2 + len;
        }
        return out;
    }

    /** Runs loadbatch.lua over in on lua5.4 (tier "ref") or on luahost ("interp", "jit0"); the answers. */
    List<String> run(String tier, Path in, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (tier.equals("ref")) {
            cmd.add("lua5.4");
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String line : Files.readAllLines(root.resolve("bin/jvm.options"))) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) cmd.add(l);
            }
            cmd.add("-XX:TieredStopAtLevel=1");
            if (tier.equals("jit0")) cmd.add("-Dluahost.jit=0");
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.luahost.cli.Main", "lua"));
        }
        cmd.addAll(List.of(root.resolve("tests/fuzz/loadbatch.lua").toString(), in.toString(), out.toString()));
        Files.deleteIfExists(out);
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        return readAnswers(out);
    }

    /**
     * Runs cases on the reference and the given luahost tiers in work; the divergences. A case
     * whose luahost run stopped (a crash or a hang: fewer answers) is reported with the answer
     * "NONE"; the cases after it run again in a new batch.
     */
    List<Divergence> compare(List<Case> cases, List<String> tiers, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path in = work.resolve("batch.in");
        writeBatch(cases, in);
        List<String> ref = run("ref", in, work.resolve("ref.out"));
        if (ref.size() != cases.size()) throw new IOException("lua5.4 answered " + ref.size() + " of " + cases.size() + " cases");
        List<Divergence> out = new ArrayList<>();
        boolean rewritten = false;
        for (String tier : tiers) {
            if (rewritten) writeBatch(cases, in);
            rewritten = false;
            int from = 0;
            while (from < cases.size()) {
                List<Case> part = cases.subList(from, cases.size());
                if (from > 0) {
                    writeBatch(part, in);
                    rewritten = true;
                }
                List<String> ours = run(tier, in, work.resolve(tier + ".out"));
                for (int k = 0; k < part.size(); k++) {
                    String o = k < ours.size() ? ours.get(k) : "NONE " + log(work, tier);
                    String r = ref.get(from + k);
                    if (!o.equals(r)) {
                        String cls = classify(r, o);
                        if (cls.contains("too many registers") && manyConstants(part.get(k).src())) cls += " [>255 constants]";
                        out.add(new Divergence(part.get(k), tier, r, o, cls, isKnown(cls)));
                    }
                    if (k >= ours.size()) break;
                }
                from += Math.min(part.size(), ours.size() + 1);
            }
        }
        return out;
    }

    private static String log(Path work, String tier) throws IOException {
        Path l = work.resolve(tier + ".out.log");
        String s = Files.exists(l) ? Files.readString(l, StandardCharsets.ISO_8859_1) : "";
        return s.length() > 400 ? s.substring(0, 400) : s;
    }

    /**
     * Whether src may hold a function with more than 255 constants (where lua5.4 counts registers
     * differently, tests/fuzz/syntax-known.txt): more than 255 distinct names, strings and numerals.
     */
    static boolean manyConstants(String src) {
        java.util.Set<String> k = new java.util.HashSet<>();
        for (SyntaxMutator.Tok t : SyntaxMutator.tokens(src)) {
            switch (t.kind()) {
                case NAME, STRING, LONG_STRING, NUMBER -> k.add(src.substring(t.start(), t.end()));
                default -> { }
            }
        }
        return k.size() > 255;
    }

    boolean isKnown(String cls) {
        for (Pattern p : known) if (p.matcher(cls).find()) return true;
        return false;
    }

    private static final Pattern MSG = Pattern.compile("(?s)^(ERR|RAISED) (.*?):(\\d+): (.*?)( near (.*))?$");

    /**
     * The class of a divergence: which parts differ ("outcome", "kind", "chunk", "line",
     * "wording", "near") and the reference's wording with quoted names, numbers and the
     * "near" token masked, e.g. {@code line: unfinished long string (starting at line N)}.
     */
    static String classify(String ref, String ours) {
        if (ref.equals("OK") || ours.equals("OK") || ours.startsWith("NONE")) {
            return "outcome: " + (ref.equals("OK") ? "OK" : mask(ref)) + " / " + (ours.startsWith("NONE") ? "NONE"
                    : ours.equals("OK") ? "OK" : mask(ours));
        }
        Matcher a = MSG.matcher(ref), b = MSG.matcher(ours);
        if (!a.matches() || !b.matches()) return "wording: " + mask(ref) + " / " + mask(ours);
        List<String> parts = new ArrayList<>();
        if (!a.group(1).equals(b.group(1))) parts.add("kind");
        if (!a.group(2).equals(b.group(2))) parts.add("chunk");
        if (!a.group(3).equals(b.group(3))) parts.add("line");
        if (!a.group(4).equals(b.group(4))) parts.add("wording");
        if (!String.valueOf(a.group(6)).equals(String.valueOf(b.group(6)))) {
            parts.add(a.group(6) == null || b.group(6) == null ? "near-presence" : "near");
        }
        String what = String.join("+", parts) + ": " + mask(a.group(4));
        if (parts.contains("wording")) what += " / " + mask(b.group(4));
        if (parts.contains("near") || parts.contains("near-presence")) what += " near " + nearKind(a.group(6)) + " / " + nearKind(b.group(6));
        return what;
    }

    private static String mask(String msg) {
        String m = msg.replaceFirst("^(ERR|RAISED) ", "");
        m = m.replaceFirst("(?s) near .*$", "");
        m = m.replaceFirst("^.*?:\\d+: ", "");
        return m.replaceAll("'[^']*'", "'X'").replaceAll("\\d+", "N").replaceAll("(?s)\n.*", "");
    }

    private static String nearKind(String near) {
        if (near == null) return "(none)";
        if (near.equals("<eof>")) return "<eof>";
        if (near.startsWith("'") && near.length() > 1) {
            char c = near.charAt(1);
            if (c == '"' || c == '\'' || c == '[') return "'string...'";
            if (Character.isDigit(c)) return "'number'";
            if (Character.isLetter(c) || c == '_') return "'name'";
            return "'" + (near.length() > 4 ? near.substring(1, Math.min(near.length() - 1, 4)) : near.substring(1, near.length() - 1)) + "'";
        }
        return "other";
    }

    /** Writes a divergence to dir as S-I.lua (the source), S-I.txt (name, answers, class). */
    static void save(Divergence d, Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = d.c().seed() + "-" + d.c().index();
        Files.write(dir.resolve(base + ".lua"), d.c().src().getBytes(StandardCharsets.ISO_8859_1));
        String txt = "case " + d.c().index() + " of seed " + d.c().seed() + ", chunk name "
                + (d.c().name() == null ? "(none)" : d.c().name()) + "\nclass: " + d.cls() + (d.known() ? " (known)" : "")
                + "\nlua5.4: " + d.ref() + "\n" + d.tier() + ": " + d.ours() + "\n";
        Files.write(dir.resolve(base + "." + d.tier() + ".txt"), txt.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Counts of divergences per class (and tier). */
    static Map<String, Integer> counts(List<Divergence> ds) {
        Map<String, Integer> m = new TreeMap<>();
        for (Divergence d : ds) m.merge((d.known() ? "[known] " : "") + d.tier() + " " + d.cls(), 1, Integer::sum);
        return m;
    }

    /**
     * {@code SyntaxFuzz ROOT OUTDIR SEED COUNT [BATCH] [TIERS]}: COUNT cases from seed SEED on (BATCH
     * cases a seed, default 5000; tiers "interp,jit0"), divergences saved to OUTDIR, counts per class
     * printed after each seed. {@code SyntaxFuzz ROOT --case S I [TIERS]} replays one case;
     * {@code SyntaxFuzz ROOT --print S I} prints its source.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        SyntaxFuzz fz = new SyntaxFuzz(root);
        Path work = Files.createTempDirectory("luahost-syntaxfuzz");
        if (args[1].equals("--print")) {
            Case c = fz.generate(Long.parseLong(args[2]), Integer.parseInt(args[3]));
            System.out.write(c.src().getBytes(StandardCharsets.ISO_8859_1));
            System.out.flush();
            return;
        }
        if (args[1].equals("--case")) {
            Case c = fz.generate(Long.parseLong(args[2]), Integer.parseInt(args[3]));
            List<String> tiers = List.of((args.length > 4 ? args[4] : "interp,jit0").split(","));
            List<Divergence> ds = fz.compare(List.of(c), tiers, work);
            System.out.println("chunk name: " + c.name());
            if (ds.isEmpty()) System.out.println("same: " + readAnswers(work.resolve("ref.out")).get(0));
            for (Divergence d : ds) System.out.println(d.tier() + " [" + d.cls() + "]\n  lua5.4: " + d.ref() + "\n  luahost: " + d.ours());
            FuzzMain.deleteTree(work);
            System.exit(ds.isEmpty() ? 0 : 1);
        }
        Path out = Path.of(args[1]);
        long seed = Long.parseLong(args[2]), total = Long.parseLong(args[3]);
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 5000;
        List<String> tiers = List.of((args.length > 5 ? args[5] : "interp,jit0").split(","));
        Map<String, Integer> all = new LinkedHashMap<>();
        long done = 0, t0 = System.nanoTime();
        int unknown = 0;
        for (long s = seed; done < total; s++) {
            int n = (int) Math.min(batch, total - done);
            List<Divergence> ds = fz.compare(fz.generate(s, 0, n), tiers, work);
            for (Divergence d : ds) {
                save(d, out);
                if (!d.known()) unknown++;
            }
            counts(ds).forEach((k, v) -> all.merge(k, v, Integer::sum));
            done += n;
            System.out.printf("seed %d: %d cases so far, %d divergent runs (%d not known), %.0f s%n", s, done,
                    all.values().stream().mapToInt(Integer::intValue).sum(), unknown, (System.nanoTime() - t0) / 1e9);
            all.forEach((k, v) -> System.out.println("  " + v + "\t" + k));
            System.out.flush();
        }
        FuzzMain.deleteTree(work);
        System.exit(unknown == 0 ? 0 : 1);
    }
}
