package org.luahost.vm.lib;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;

/**
 * The {@code utf8} library of Lua 5.4 (manual §6.5), on Lua strings as byte
 * strings (one char per byte).
 *
 * <p>Decoding follows the reference: sequences of up to six bytes encode
 * values up to {@code 0x7FFFFFFF}; overlong forms are always invalid; in
 * strict mode (the default) surrogates and values above {@code 0x10FFFF}
 * are invalid too, while the {@code lax} argument accepts them. Positions,
 * bounds checks, messages and the 5.4.4 iteration of {@code utf8.codes}
 * (which skips stray continuation bytes) are the reference's.
 */
public final class Utf8Lib {
    private Utf8Lib() {}

    private static final long MAXUNICODE = 0x10FFFF;
    private static final long MAXUTF = 0x7FFFFFFF;
    /** The most results codepoint may return (the reference's stack limit). */
    private static final long MAX_RESULTS = 1_000_000 - 32;
    /** Smallest value for a sequence of n continuation bytes (anything below is overlong). */
    private static final long[] LIMITS = {~0L, 0x80, 0x800, 0x10000, 0x200000, 0x4000000};

    public static final String CHARPATTERN = "[\0-\u007F\u00C2-\u00FD][\u0080-\u00BF]*";

    public static void install(LuaState L, Profile profile) {
        LuaTable u = new LuaTable(0, 8);
        fn(u, "char", Utf8Lib::utfchar);
        fn(u, "codepoint", Utf8Lib::codepoint);
        fn(u, "len", Utf8Lib::len);
        fn(u, "offset", Utf8Lib::offset);
        JavaFunction strict = JavaFunction.of("?", (th, a) -> iterate(th, a, true));
        JavaFunction lax = JavaFunction.of("?", (th, a) -> iterate(th, a, false));
        fn(u, "codes", (th, a) -> {
            String s = Args.checkString(th, a, 1);
            return new Object[] {Lua.isTruthy(Args.arg(a, 2)) ? lax : strict, s, 0L};
        });
        u.rawset("charpattern", CHARPATTERN);
        MathLib.register(L, "utf8", u);
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of("utf8." + name, body));
    }

    // ---------------------------------------------------------------- encoding and decoding

    /** Appends the (extended, up to 6 bytes) UTF-8 encoding of x. */
    static void encode(StringBuilder sb, long x) {
        if (x < 0x80) {
            sb.append((char) x);
            return;
        }
        char[] buf = new char[8];
        int n = 0;
        long mfb = 0x3f;   // largest value that fits in the first byte
        do {
            buf[7 - n++] = (char) (0x80 | (x & 0x3f));
            x >>= 6;
            mfb >>= 1;
        } while (x > mfb);
        buf[7 - n] = (char) (((~mfb << 1) | x) & 0xFF);
        sb.append(buf, 7 - n, n + 1);
    }

    private static int byteAt(String s, int i) { return i < s.length() ? s.charAt(i) : 0; }

    private static boolean isCont(String s, int i) { return (byteAt(s, i) & 0xC0) == 0x80; }

    /**
     * Decodes the sequence starting at byte i: returns the index after it, or
     * -1 if it is invalid; the value goes to code[0] (when code is not null).
     */
    static int decode(String s, int i, boolean strict, long[] code) {
        int c = byteAt(s, i);
        long res;
        int count = 0;
        if (c < 0x80) {
            res = c;
        } else {
            if ((c & 0x40) == 0) return -1;   // a continuation byte cannot start a sequence
            res = 0;
            for (; (c & 0x40) != 0; c <<= 1) {
                int cc = byteAt(s, i + ++count);
                if ((cc & 0xC0) != 0x80) return -1;
                res = (res << 6) | (cc & 0x3F);
                if (count > 5) return -1;
            }
            res |= (long) (c & 0x7F) << (count * 5);   // payload bits of the first byte
            if (res > MAXUTF || res < LIMITS[count]) return -1;
        }
        if (strict && (res > MAXUNICODE || (res >= 0xD800 && res <= 0xDFFF))) return -1;
        if (code != null) code[0] = res;
        return i + count + 1;
    }

    /** u_posrelat: a negative position counts from the end; too negative gives 0. */
    private static long posrelat(long pos, long len) {
        if (pos >= 0) return pos;
        if (-pos > len) return 0;   // also right for mininteger, whose negation is itself (< 0)
        return len + pos + 1;
    }

    // ---------------------------------------------------------------- functions

    private static Object[] utfchar(LuaThread th, Object[] a) {
        Work.elements(th, a.length);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= a.length; i++) {
            long code = Args.checkInteger(th, a, i);
            if (Long.compareUnsigned(code, MAXUTF) > 0) throw Args.argError(th, i, "value out of range");
            encode(sb, code);
        }
        th.state.gc().chargeString(sb.length());
        return new Object[] {sb.toString()};
    }

    private static Object[] codepoint(LuaThread th, Object[] a) {
        String s = Args.checkString(th, a, 1);
        long len = s.length();
        long posi = posrelat(Args.optInteger(th, a, 2, 1), len);
        long pose = posrelat(Args.optInteger(th, a, 3, posi), len);
        boolean lax = Lua.isTruthy(Args.arg(a, 4));
        if (posi < 1) throw Args.argError(th, 2, "out of bounds");
        if (pose > len) throw Args.argError(th, 3, "out of bounds");
        if (posi > pose) return LuaFunction.NONE;
        if (pose - posi >= MAX_RESULTS) throw th.errorAtLevel("stack overflow (string slice too long)", 1);
        Work.elements(th, pose - posi + 1);   // at most a million: charged before
        Object[] out = new Object[(int) (pose - posi) + 1];
        int n = 0;
        long[] code = new long[1];
        for (int i = (int) posi - 1, end = (int) pose; i < end; ) {
            i = decode(s, i, !lax, code);
            if (i < 0) throw th.errorAtLevel("invalid UTF-8 code", 1);
            out[n++] = code[0];
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static Object[] len(LuaThread th, Object[] a) {
        String s = Args.checkString(th, a, 1);
        long len = s.length();
        long posi = posrelat(Args.optInteger(th, a, 2, 1), len);
        long posj = posrelat(Args.optInteger(th, a, 3, -1), len);
        boolean lax = Lua.isTruthy(Args.arg(a, 4));
        if (!(1 <= posi && --posi <= len)) throw Args.argError(th, 2, "initial position out of bounds");
        if (!(--posj < len)) throw Args.argError(th, 3, "final position out of bounds");
        long n = 0;
        while (posi <= posj) {
            int next = decode(s, (int) posi, !lax, null);
            if (next < 0) return new Object[] {null, posi + 1};
            posi = next;
            Work.elementTick(th, n++);
        }
        return new Object[] {n};
    }

    private static Object[] offset(LuaThread th, Object[] a) {
        String s = Args.checkString(th, a, 1);
        long len = s.length();
        long n = Args.checkInteger(th, a, 2);
        long posi = posrelat(Args.optInteger(th, a, 3, n >= 0 ? 1 : len + 1), len);
        if (!(1 <= posi && --posi <= len)) throw Args.argError(th, 3, "position out of bounds");
        int p = (int) posi;
        if (n == 0) {
            while (p > 0 && isCont(s, p)) p--;   // start of the sequence holding byte p
        } else {
            if (isCont(s, p)) throw th.errorAtLevel("initial position is a continuation byte", 1);
            if (n < 0) {
                while (n < 0 && p > 0) {
                    do { p--; } while (p > 0 && isCont(s, p));
                    Work.elementTick(th, n++);
                }
            } else {
                n--;
                while (n > 0 && p < len) {
                    do { p++; } while (isCont(s, p));
                    Work.elementTick(th, n--);
                }
            }
        }
        return new Object[] {n == 0 ? (Object) (long) (p + 1) : null};
    }

    /** The iterator of utf8.codes: the control value is the position of the previous character. */
    private static Object[] iterate(LuaThread th, Object[] a, boolean strict) {
        String s = Args.checkString(th, a, 1);
        long len = s.length();
        Long ctl = org.luahost.vm.runtime.Ops.tointeger(Args.arg(a, 2));
        long n = ctl == null ? 0 : ctl;   // lua_tointeger: 0 when not convertible
        if (Long.compareUnsigned(n, len) < 0) {
            long from = n;
            while (isCont(s, (int) n)) n++;   // skip the rest of the previous character
            Work.bytes(th, n - from);
        }
        if (Long.compareUnsigned(n, len) >= 0) return LuaFunction.NONE;   // also for negative n
        long[] code = new long[1];
        if (decode(s, (int) n, strict, code) < 0) throw th.errorAtLevel("invalid UTF-8 code", 1);
        return new Object[] {n + 1, code[0]};
    }
}
