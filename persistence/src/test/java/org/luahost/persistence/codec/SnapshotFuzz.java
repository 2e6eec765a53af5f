package org.luahost.persistence.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.luahost.persistence.CorruptSnapshotException;
import org.luahost.persistence.Persister;
import org.luahost.persistence.ProfileMismatchException;
import org.luahost.persistence.UserdataCodec;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.Profile;

/**
 * Seeded mutation of real snapshots through {@link Persister#restore}: bit
 * flips, random bytes, truncations, deleted, inserted and repeated ranges,
 * length and count fields set to huge or "negative" varints, tags swapped,
 * two snapshots spliced. Most mutants are sealed again (a fresh checksum), so
 * the decoder's own structure checks are what is tested; the rest must be
 * caught by the checksum. Every mutant must be restored or refused with
 * {@link CorruptSnapshotException} (or {@link ProfileMismatchException} when
 * the profile record was hit): any other exception or error is a failure,
 * and so is a restore taking longer than {@link #SLOW_NANOS}.
 *
 * <p>{@code SnapshotFuzzTest} runs a bounded batch in the test suite;
 * {@code tests/fuzz/snapshots.sh SEED COUNT} runs {@link #main} for long hunts.
 */
public final class SnapshotFuzz {
    /** A restore slower than this counts as a hang. */
    static final long SLOW_NANOS = 5_000_000_000L;

    /** The samples: real snapshots of states with every kind of value. */
    static final String[] SAMPLES = {
        """
        a = {1, 2.5, 'three', true, false, {nested = {deeper = {}}}}
        a.self = a
        b = setmetatable({x = -7, [1.5] = 'f', [a] = a}, {__index = string})
        nums = {math.maxinteger, math.mininteger, 0/0, -0.0, 1/0, 2^53}
        lib = {fmt = string.format, pr = print}
        string.extra = {1, 2, 3}
        local shared = {count = 0}
        function inc(x) shared.count = shared.count + (x or 1) return shared.count end
        function get() return shared end
        """,
        """
        local function counter() local n = 0 return function() n = n + 1 return n end, function() return n end end
        c1, g1 = counter()
        c2, g2 = counter()
        list = {}
        for i = 1, 200 do list[i] = {id = i, name = 'n' .. i, tags = {i % 3, i % 5}, f = (i % 7 == 0) and c1 or nil} end
        weak = setmetatable({}, {__mode = 'k'})
        gc = setmetatable({}, {__gc = function() end})
        bin = '\\0\\1\\2\\255' .. string.rep('x', 300)
        print = function(...) return ... end
        setmetatable(_G, {__index = function(t, k) return k end})
        """,
        """
        deep = {}
        local t = deep
        for i = 1, 300 do t.next = {i = i, s = tostring(i)} t = t.next end
        m = {}
        for i = 1, 100 do m['k' .. i] = i * 1.5 m[i] = -i end
        u = mk_userdata('payload bytes')
        ring = {}
        for i = 1, 20 do ring[i] = {} end
        for i = 1, 20 do ring[i].nxt = ring[i % 20 + 1] ring[i].fn = function() return ring[i] end end
        """,
    };

    /** A userdata codec for the samples: the payload is a string. */
    static final class TextCodec implements UserdataCodec<String> {
        @Override public String name() { return "fuzz.text"; }
        @Override public Class<String> type() { return String.class; }
        @Override public byte[] encode(String payload) { return payload.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); }
        @Override public String decode(byte[] bytes) { return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1); }
    }

    private static LuaState fresh(Profile p) {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        LuaState L = LuaState.create(p, nul, nul, InputStream.nullInputStream());
        L.setGlobal("mk_userdata", org.luahost.vm.JavaFunction.of("mk_userdata",
                (th, a) -> new Object[] {new LuaUserdata(a[0], null)}));
        return L;
    }

    static LuaState attached(Profile p) {
        LuaState L = fresh(p);
        Persister.attach(L).register(new TextCodec());
        return L;
    }

    /** The sample snapshots: each sample under the trusted profile, then each under the sandboxed one. */
    static List<byte[]> samples() {
        List<byte[]> out = new ArrayList<>();
        for (Profile p : new Profile[] {Profile.TRUSTED, Profile.SANDBOXED}) {
            for (String code : SAMPLES) {
                LuaState L = attached(p);
                L.call(L.load(code, "=sample", "t", null));
                out.add(Persister.of(L).capture().bytes());
            }
        }
        return out;
    }

    /** The outcome counts of a run, and the first failures. */
    static final class Result {
        long restored, corrupt, profile, failures;
        final List<String> failed = new ArrayList<>();

        @Override
        public String toString() {
            return restored + " restored, " + corrupt + " refused as corrupt, " + profile + " refused for their profile, "
                    + failures + " failures";
        }
    }

    /**
     * Runs cases mutants of seed (case i uses the generator of seed + i, so
     * one case can be replayed alone). Mutants that fail are written to out
     * (if not null) as {@code seed-case.snap}.
     */
    static Result run(long seed, long first, long cases, Path out) throws IOException {
        List<byte[]> samples = samples();
        Result r = new Result();
        LuaState[] states = {attached(Profile.TRUSTED), attached(Profile.SANDBOXED)};
        for (long c = first; c < first + cases; c++) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + c);
            int sample = rnd.nextInt(samples.size());
            byte[] m = mutate(samples, sample, rnd);
            // mostly into a state of the sample's own profile (the first half of the samples is trusted)
            int own = sample < samples.size() / 2 ? 0 : 1;
            int which = rnd.nextInt(10) == 0 ? 1 - own : own;
            if (c % 2000 == 1999) states = new LuaState[] {attached(Profile.TRUSTED), attached(Profile.SANDBOXED)};   // restores accumulate globals
            String failure = null;
            long t0 = System.nanoTime();
            try {
                Persister.of(states[which]).restore(m, rnd.nextInt(4) == 0);
                r.restored++;
            } catch (CorruptSnapshotException e) {
                r.corrupt++;
                if (e.getMessage() == null || e.getMessage().isEmpty()) failure = "a corrupt snapshot without a message";
            } catch (ProfileMismatchException e) {
                r.profile++;
            } catch (Throwable e) {   // anything else escaping is the bug this looks for
                failure = e.toString();
                states = new LuaState[] {attached(Profile.TRUSTED), attached(Profile.SANDBOXED)};
            }
            long took = System.nanoTime() - t0;
            if (failure == null && took > SLOW_NANOS) failure = "restore took " + took / 1_000_000 + " ms";
            if (failure != null) {
                r.failures++;
                if (r.failed.size() < 20) r.failed.add("seed " + seed + " case " + c + ": " + failure);
                if (out != null) {
                    Files.createDirectories(out);
                    Files.write(out.resolve(seed + "-" + c + ".snap"), m);
                }
            }
        }
        return r;
    }

    /** One mutant of a random sample. */
    static byte[] mutate(List<byte[]> samples, int sample, SplittableRandom rnd) {
        byte[] s = samples.get(sample);
        byte[] body = Arrays.copyOfRange(s, SnapshotFormat.HEADER, s.length);
        int ops = 1 + rnd.nextInt(3);
        for (int i = 0; i < ops; i++) body = op(body, samples, rnd);
        if (rnd.nextInt(10) < 8) return reseal(body);
        byte[] m = new byte[SnapshotFormat.HEADER + body.length];   // the old header: the checksum must catch it
        System.arraycopy(s, 0, m, 0, SnapshotFormat.HEADER);
        System.arraycopy(body, 0, m, SnapshotFormat.HEADER, body.length);
        if (rnd.nextInt(4) == 0) m[rnd.nextInt(SnapshotFormat.HEADER)] ^= (byte) (1 << rnd.nextInt(8));
        return m;
    }

    private static final long[] HUGE = {-1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 31, (1L << 31) - 1, 1L << 32, 1L << 62,
        Integer.MAX_VALUE * 2L + 1, 0xFFFF_FFFFL, 255, 256};

    private static byte[] op(byte[] b, List<byte[]> samples, SplittableRandom rnd) {
        if (b.length == 0) return b;
        int at = rnd.nextInt(b.length);
        switch (rnd.nextInt(9)) {
            case 0 -> { b = b.clone(); b[at] ^= (byte) (1 << rnd.nextInt(8)); }
            case 1 -> { b = b.clone(); b[at] = (byte) rnd.nextInt(256); }
            case 2 -> b = Arrays.copyOf(b, at);   // truncated
            case 3 -> {   // a range deleted
                int n = Math.min(b.length - at, 1 + rnd.nextInt(64));
                byte[] c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + n, c, at, b.length - at - n);
                b = c;
            }
            case 4 -> {   // random bytes inserted
                byte[] ins = new byte[1 + rnd.nextInt(16)];
                for (int i = 0; i < ins.length; i++) ins[i] = (byte) rnd.nextInt(256);
                b = insert(b, at, ins);
            }
            case 5 -> {   // a range repeated
                int n = Math.min(b.length - at, 1 + rnd.nextInt(256));
                b = insert(b, at, Arrays.copyOfRange(b, at, at + n));
            }
            case 6 -> {   // a length or count set huge or negative (a varint replacing the bytes there)
                byte[] v = varint(HUGE[rnd.nextInt(HUGE.length)]);
                int n = Math.min(b.length - at, 1 + rnd.nextInt(3));
                byte[] c = new byte[b.length - n + v.length];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(v, 0, c, at, v.length);
                System.arraycopy(b, at + n, c, at + v.length, b.length - at - n);
                b = c;
            }
            case 7 -> { b = b.clone(); b[at] = (byte) rnd.nextInt(14); }   // a tag swapped
            default -> {   // spliced: this body's start, another's end
                byte[] o = samples.get(rnd.nextInt(samples.size()));
                int from = SnapshotFormat.HEADER + rnd.nextInt(o.length - SnapshotFormat.HEADER);
                byte[] c = Arrays.copyOf(b, at + o.length - from);
                System.arraycopy(o, from, c, at, o.length - from);
                b = c;
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] ins) {
        byte[] c = new byte[b.length + ins.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(ins, 0, c, at, ins.length);
        System.arraycopy(b, at, c, at + ins.length, b.length - at);
        return c;
    }

    static byte[] varint(long v) {
        byte[] out = new byte[10];
        int n = 0;
        while ((v & ~0x7FL) != 0) {
            out[n++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[n++] = (byte) v;
        return Arrays.copyOf(out, n);
    }

    static byte[] reseal(byte[] body) {
        byte[] buf = new byte[SnapshotFormat.HEADER + body.length];
        System.arraycopy(body, 0, buf, SnapshotFormat.HEADER, body.length);
        return SnapshotFormat.seal(buf);
    }

    /**
     * {@code SnapshotFuzz SEED COUNT [OUTDIR]}: runs COUNT mutants of SEED in
     * batches, printing progress; exit status 1 if any failed (the mutants
     * are written to OUTDIR, default {@code tests/fuzz/found-snapshots}).
     * {@code SnapshotFuzz --replay FILE} restores one saved mutant.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--replay")) {
            byte[] m = Files.readAllBytes(Path.of(args[1]));
            Persister.of(attached(Profile.TRUSTED)).restore(m, true);
            System.out.println("restored");
            return;
        }
        long seed = Long.parseLong(args[0]);
        long count = Long.parseLong(args[1]);
        Path out = Path.of(args.length > 2 ? args[2] : "tests/fuzz/found-snapshots");
        long failures = 0;
        for (long first = 0; first < count; first += 10_000) {
            Result r = run(seed, first, Math.min(10_000, count - first), out);
            failures += r.failures;
            r.failed.forEach(System.out::println);
            System.out.println("seed " + seed + " cases " + first + ".." + (first + Math.min(10_000, count - first) - 1) + ": " + r);
        }
        System.out.println(failures == 0 ? "no failures" : failures + " failures; mutants in " + out);
        System.exit(failures == 0 ? 0 : 1);
    }

    private SnapshotFuzz() {}

}
