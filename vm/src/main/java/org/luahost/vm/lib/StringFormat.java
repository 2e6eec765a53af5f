package org.luahost.vm.lib;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Ops;

/**
 * {@code string.format}: C's {@code printf} conversions as {@code lua5.4}
 * (glibc) produces them, byte for byte, plus Lua's {@code %q}.
 *
 * <p>The reference passes each conversion to the C library after checking
 * it; here each is implemented directly. The checks are the reference's
 * (which flags each conversion accepts, at most two digits of width and of
 * precision) with its messages. Floating-point conversions are exact: digits
 * come from correctly rounded decimal expansions (round-half-even on the
 * exact binary value, as glibc does), either from the shortest
 * representation {@link Double#toString} gives when that provably decides the
 * rounding, or else from {@link BigDecimal}. {@code %a} is glibc's hexadecimal
 * format (subnormals as {@code 0x0.xxxp-1022}, rounding half to even).
 */
final class StringFormat {
    private StringFormat() {}

    /** Longest conversion specification the reference accepts (MAX_FORMAT less room for its length modifier). */
    private static final int MAX_SPEC = 32 - 10;
    private static final String FLAGS_F = "-+ #0", FLAGS_X = "-#0", FLAGS_I = "-+ 0", FLAGS_U = "-0", FLAGS_C = "-";

    /** The parsed specification of the conversion being done, and scratch space for digits. */
    private static final class Spec {
        boolean minus, plus, space, hash, zero;
        int width, prec;
        /** Decimal digits ('0'..'9') of a float, nd of them, the first one worth 10^exp10. */
        char[] dig = new char[32];
        int nd, exp10;
    }

    static Object[] format(LuaThread th, Object[] a) {
        long[] held = {0};
        try {
            return format(th, a, held);
        } finally {
            th.state.gc().release(held[0]);
        }
    }

    /** The builder grows by n bytes: held twice (its array doubles, copied) until the result is made (see Gc.hold). */
    private static long hold(LuaThread th, long n) {
        th.state.gc().hold(2 * n);
        return 2 * n;
    }

    private static Object[] format(LuaThread th, Object[] a, long[] heldOut) {
        String fmt = Args.checkString(th, a, 1);
        int top = a.length, arg = 1;
        int n = fmt.length();
        StringBuilder sb = new StringBuilder(n + 16);
        Spec sp = null;
        int i = 0;
        while (i < n) {
            int pct = fmt.indexOf('%', i);
            if (pct < 0) {
                sb.append(fmt, i, n);
                break;
            }
            if (pct > i) sb.append(fmt, i, pct);
            i = pct + 1;
            if (i < n && fmt.charAt(i) == '%') {
                sb.append('%');
                i++;
                continue;
            }
            if (++arg > top) throw Args.argError(th, arg, "no value");
            while (i < n && isSpecChar(fmt.charAt(i))) i++;
            if (i - pct >= MAX_SPEC) throw th.errorAtLevel("invalid format (too long)", 1);
            int conv = i;   // index of the conversion character (n when missing)
            char c = conv < n ? fmt.charAt(conv) : 0;
            i = conv + 1;
            Object v = a[arg - 1];
            if (conv == pct + 1) {   // no flags, width or precision: the fast paths
                if (c == 'd' || c == 'i') {
                    sb.append(v instanceof Long l ? l.longValue() : Args.checkInteger(th, a, arg));
                    continue;
                }
                if (c == 's') {
                    String s = v instanceof String str ? str : Ops.tostring(th, v);
                    if (s.length() > Work.CHUNK) heldOut[0] += hold(th, s.length());
                    sb.append(s);
                    continue;
                }
                if ((c == 'x' || c == 'X') && v instanceof Long l) {
                    String h = Long.toHexString(l);
                    sb.append(c == 'x' ? h : h.toUpperCase());
                    continue;
                }
            }
            if (sp == null) sp = new Spec();
            switch (c) {
                case 'c': {
                    check(th, fmt, pct, conv, FLAGS_C, false, sp);
                    long x = Args.checkInteger(th, a, arg);
                    pad(sb, "", String.valueOf((char) (x & 0xFF)), sp.width, sp.minus, false);
                    break;
                }
                case 'd': case 'i': {
                    long x = Args.checkInteger(th, a, arg);
                    check(th, fmt, pct, conv, FLAGS_I, true, sp);
                    formatInt(sb, sp, x, c);
                    break;
                }
                case 'u': {
                    long x = Args.checkInteger(th, a, arg);
                    check(th, fmt, pct, conv, FLAGS_U, true, sp);
                    formatInt(sb, sp, x, c);
                    break;
                }
                case 'o': case 'x': case 'X': {
                    long x = Args.checkInteger(th, a, arg);
                    check(th, fmt, pct, conv, FLAGS_X, true, sp);
                    formatInt(sb, sp, x, c);
                    break;
                }
                case 'a': case 'A': {
                    check(th, fmt, pct, conv, FLAGS_F, true, sp);
                    formatFloat(sb, sp, Args.checkDouble(th, a, arg), c);
                    break;
                }
                case 'e': case 'E': case 'f': case 'g': case 'G': {
                    double x = Args.checkDouble(th, a, arg);
                    check(th, fmt, pct, conv, FLAGS_F, true, sp);
                    formatFloat(sb, sp, x, c);
                    break;
                }
                case 'p': {
                    check(th, fmt, pct, conv, FLAGS_C, false, sp);
                    pad(sb, "", pointer(v), sp.width, sp.minus, false);
                    break;
                }
                case 'q': {
                    if (conv != pct + 1) throw th.errorAtLevel("specifier '%q' cannot have modifiers", 1);
                    addLiteral(th, sb, v, arg);
                    break;
                }
                case 's': {
                    String s = v instanceof String str ? str : Ops.tostring(th, v);
                    if (s.indexOf(0) >= 0) throw Args.argError(th, arg, "string contains zeros");
                    check(th, fmt, pct, conv, FLAGS_C, true, sp);
                    if (s.length() > Work.CHUNK) heldOut[0] += hold(th, s.length());
                    if (sp.prec < 0 && s.length() >= 100) sb.append(s);   // the reference does not pad long strings
                    else pad(sb, "", sp.prec >= 0 && sp.prec < s.length() ? s.substring(0, sp.prec) : s, sp.width, sp.minus, false);
                    break;
                }
                default:
                    throw th.errorAtLevel("invalid conversion '" + form(fmt, pct, conv) + "' to 'format'", 1);
            }
        }
        if (sb.length() > Work.CHUNK) Work.bytes(th, sb.length());   // a long result's copying (see Work)
        th.state.gc().chargeString(sb.length());
        return JavaFunction.ret(sb.toString());
    }

    private static boolean isSpecChar(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ' || c == '#' || c == '.';
    }

    /** The specification as the reference shows it in messages (a C string: up to a zero byte). */
    private static String form(String fmt, int pct, int conv) {
        String f = fmt.substring(pct, Math.min(conv + 1, fmt.length()));
        int z = f.indexOf(0);
        return z >= 0 ? f.substring(0, z) : f;
    }

    private static boolean digitAt(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    /**
     * Checks a specification as the reference's checkformat does (only the
     * given flags, a width of at most two digits that does not start with 0, a
     * precision of at most two digits when allowed) and parses it into sp.
     */
    private static void check(LuaThread th, String fmt, int pct, int conv, String flags, boolean precision, Spec sp) {
        int p = pct + 1;
        while (p < conv && flags.indexOf(fmt.charAt(p)) >= 0) p++;
        if (fmt.charAt(p) != '0') {
            if (digitAt(fmt, p) && digitAt(fmt, ++p)) p++;
            if (fmt.charAt(p) == '.' && precision) {
                p++;
                if (digitAt(fmt, p) && digitAt(fmt, ++p)) p++;
            }
        }
        if (p != conv) throw th.errorAtLevel("invalid conversion specification: '" + form(fmt, pct, conv) + "'", 1);
        sp.minus = sp.plus = sp.space = sp.hash = sp.zero = false;
        sp.width = 0;
        sp.prec = -1;
        p = pct + 1;
        for (;; p++) {
            char c = fmt.charAt(p);
            if (c == '-') sp.minus = true;
            else if (c == '+') sp.plus = true;
            else if (c == ' ') sp.space = true;
            else if (c == '#') sp.hash = true;
            else if (c == '0') sp.zero = true;
            else break;
        }
        while (digitAt(fmt, p)) sp.width = sp.width * 10 + (fmt.charAt(p++) - '0');
        if (fmt.charAt(p) == '.') {
            p++;
            sp.prec = 0;
            while (digitAt(fmt, p)) sp.prec = sp.prec * 10 + (fmt.charAt(p++) - '0');
        }
    }

    /** Appends head and body padded to width: spaces on the left, zeros after the head, or spaces on the right. */
    private static void pad(StringBuilder sb, String head, CharSequence body, int width, boolean left, boolean zeros) {
        int padn = width - head.length() - body.length();
        if (padn <= 0) {
            sb.append(head).append(body);
        } else if (left) {
            sb.append(head).append(body).repeat(' ', padn);
        } else if (zeros) {
            sb.append(head).repeat('0', padn).append(body);
        } else {
            sb.repeat(' ', padn).append(head).append(body);
        }
    }

    // ---------------------------------------------------------------- integers

    private static void formatInt(StringBuilder sb, Spec sp, long v, char conv) {
        String digits, head = "";
        switch (conv) {
            case 'd': case 'i':
                if (v < 0) {
                    head = "-";
                    digits = Long.toUnsignedString(-v);
                } else {
                    digits = Long.toString(v);
                    head = sp.plus ? "+" : sp.space ? " " : "";
                }
                break;
            case 'u': digits = Long.toUnsignedString(v); break;
            case 'o': digits = Long.toOctalString(v); break;
            case 'x': digits = Long.toHexString(v); break;
            default: digits = Long.toHexString(v).toUpperCase(); break;
        }
        if (sp.prec >= 0) {
            if (sp.prec == 0 && v == 0) digits = "";
            if (digits.length() < sp.prec) digits = "0".repeat(sp.prec - digits.length()) + digits;
        }
        if (sp.hash) {
            if (conv == 'o' && (digits.isEmpty() || digits.charAt(0) != '0')) digits = "0" + digits;
            else if (conv == 'x' && v != 0) head = "0x";
            else if (conv == 'X' && v != 0) head = "0X";
        }
        pad(sb, head, digits, sp.width, sp.minus, sp.zero && sp.prec < 0);
    }

    // ---------------------------------------------------------------- floats

    private static void formatFloat(StringBuilder sb, Spec sp, double d, char conv) {
        boolean neg = Double.doubleToRawLongBits(d) < 0;
        String sign = neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
        boolean upper = conv == 'E' || conv == 'G' || conv == 'A';
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            String body = Double.isNaN(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
            pad(sb, sign, body, sp.width, sp.minus, false);
            return;
        }
        double v = Math.abs(d);
        int start = sb.length();   // the number is written in place, then padded
        sb.append(sign);
        int head = sign.length();
        switch (conv) {
            case 'a': case 'A':
                sb.append(upper ? "0X" : "0x");
                head += 2;
                hexFloat(sb, v, sp.prec, sp.hash, upper);
                break;
            case 'f': {
                int prec = sp.prec < 0 ? 6 : sp.prec;
                fixedDigits(sp, v, prec);
                renderFixed(sb, sp, prec, sp.hash);
                break;
            }
            case 'e': case 'E': {
                int prec = sp.prec < 0 ? 6 : sp.prec;
                sigDigits(sp, v, prec + 1);
                renderExp(sb, sp, prec, sp.hash, upper);
                break;
            }
            default: {   // g, G
                int p = sp.prec < 0 ? 6 : sp.prec == 0 ? 1 : sp.prec;
                sigDigits(sp, v, p);
                int x = sp.exp10;
                int body = sb.length();
                if (x < p && x >= -4) renderFixed(sb, sp, p - 1 - x, sp.hash);
                else if (x == p && sp.hash && new BigDecimal(v).compareTo(BigDecimal.TEN.pow(p)) < 0) {
                    renderExp(sb, sp, 0, true, upper);   // glibc: rounding up out of the fixed style keeps no decimals
                } else renderExp(sb, sp, p - 1, sp.hash, upper);
                if (!sp.hash) stripZeros(sb, body);
                break;
            }
        }
        int padn = sp.width - (sb.length() - start);
        if (padn > 0) {
            if (sp.minus) sb.repeat(' ', padn);
            else if (sp.zero) sb.insert(start + head, "0".repeat(padn));
            else sb.insert(start, " ".repeat(padn));
        }
    }

    /** %g without '#': drops trailing zeros of the fraction (of the number from index from), and the point if nothing is left after it. */
    private static void stripZeros(StringBuilder b, int from) {
        int dot = b.indexOf(".", from);
        if (dot < 0) return;
        int e = dot;
        while (e < b.length() && b.charAt(e) != 'e' && b.charAt(e) != 'E') e++;
        int k = e;
        while (k > dot + 1 && b.charAt(k - 1) == '0') k--;
        if (k == dot + 1) k = dot;
        b.delete(k, e);
    }

    /** Renders sp's digits with prec digits after the point. */
    private static void renderFixed(StringBuilder b, Spec sp, int prec, boolean hash) {
        char[] dig = sp.dig;
        int nd = sp.nd, x = sp.exp10;
        if (x >= 0) {
            for (int k = 0; k <= x; k++) b.append(k < nd ? dig[k] : '0');
        } else {
            b.append('0');
        }
        if (prec > 0 || hash) b.append('.');
        for (int j = 1; j <= prec; j++) {
            int k = x + j;
            b.append(k >= 0 && k < nd ? dig[k] : '0');
        }
    }

    /** Renders sp's digits as d.ddde+xx with prec digits after the point. */
    private static void renderExp(StringBuilder b, Spec sp, int prec, boolean hash, boolean upper) {
        b.append(sp.nd > 0 ? sp.dig[0] : '0');
        if (prec > 0 || hash) b.append('.');
        for (int k = 1; k <= prec; k++) b.append(k < sp.nd ? sp.dig[k] : '0');
        b.append(upper ? 'E' : 'e');
        int x = sp.nd == 0 ? 0 : sp.exp10;
        b.append(x < 0 ? '-' : '+');
        x = Math.abs(x);
        if (x < 10) b.append('0');
        b.append(x);
    }

    /** Fills sp with v (>= 0) rounded to p significant digits (exp10 is then the exponent of the rounded value). */
    private static void sigDigits(Spec sp, double v, int p) {
        if (v == 0) {
            zero(sp);
            return;
        }
        if (p <= 15 && v >= Double.MIN_NORMAL) {   // subnormals have fewer bits: the shortest digits may not decide
            shortest(sp, v);
            if (roundShortest(sp, p)) return;
        }
        BigDecimal bd = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
        String u = bd.unscaledValue().toString();
        setDigits(sp, u, u.length() - 1 - bd.scale());
    }

    /** Fills sp with v (>= 0) rounded to prec digits after the point. */
    private static void fixedDigits(Spec sp, double v, int prec) {
        if (v == 0) {
            zero(sp);
            return;
        }
        if (v >= Double.MIN_NORMAL) {
            shortest(sp, v);
            int keep = sp.exp10 + 1 + prec;   // significant digits down to 10^-prec
            if (keep >= 1 && keep <= 15 && roundShortest(sp, keep)) return;
        }
        BigDecimal bd = new BigDecimal(v).setScale(prec, RoundingMode.HALF_EVEN);
        if (bd.signum() == 0) {
            zero(sp);
            return;
        }
        String u = bd.unscaledValue().toString();
        setDigits(sp, u, u.length() - 1 - prec);
    }

    private static void zero(Spec sp) {
        sp.nd = 0;
        sp.exp10 = 0;
    }

    private static void setDigits(Spec sp, String u, int exp10) {
        int n = u.length();
        while (n > 1 && u.charAt(n - 1) == '0') n--;
        if (sp.dig.length < n) sp.dig = new char[n + 16];
        u.getChars(0, n, sp.dig, 0);
        sp.nd = n;
        sp.exp10 = exp10;
    }

    /** Fills sp with the shortest decimal that reads back as v (> 0, finite), without trailing zeros. */
    private static void shortest(Spec sp, double v) {
        String r = Double.toString(v);
        char[] dig = sp.dig;
        int nd = 0, intDigits = -1, e = r.length(), exp = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '.') intDigits = nd;
            else if (c == 'E') {
                e = i;
                exp += Integer.parseInt(r, i + 1, r.length(), 10);
                break;
            } else if (nd > 0 || c != '0') {
                dig[nd++] = c;
            } else if (intDigits >= 0) {
                exp--;   // a leading zero after the point
            }
        }
        if (intDigits < 0) intDigits = nd;
        while (nd > 0 && dig[nd - 1] == '0') nd--;
        sp.nd = nd;
        // value = 0.d1d2... * 10^(intDigits + exp), leading zeros of the integer part were not counted
        sp.exp10 = intDigits + exp - 1;
    }

    /**
     * Rounds the shortest digits in sp to keep (1..15) significant digits, half
     * to even on the exact value. That is decided by the shortest digits except
     * when they end exactly at a tie; then it returns false (the caller uses
     * exact arithmetic).
     */
    private static boolean roundShortest(Spec sp, int keep) {
        int nd = sp.nd;
        char[] dig = sp.dig;
        if (nd <= keep) return true;
        char first = dig[keep];
        if (first == '5' && nd == keep + 1) return false;   // a tie in the shortest digits: the exact value decides
        sp.nd = keep;
        if (first >= '5') {   // round up (above a half, as nonzero digits follow)
            int k = keep - 1;
            while (k >= 0 && dig[k] == '9') k--;
            if (k < 0) {
                dig[0] = '1';
                sp.nd = 1;
                sp.exp10++;
                return true;
            }
            dig[k]++;
            sp.nd = k + 1;
        }
        while (sp.nd > 1 && dig[sp.nd - 1] == '0') sp.nd--;
        return true;
    }

    /** glibc's %a of v >= 0 after the "0x": h.hhhp+d, rounding half to even when a precision is given. */
    private static void hexFloat(StringBuilder b, double v, int prec, boolean hash, boolean upper) {
        long bits = Double.doubleToRawLongBits(v);
        int be = (int) (bits >>> 52) & 0x7ff;
        long mant = bits & 0xFFFFFFFFFFFFFL;
        long lead;
        int exp;
        if (be == 0) {
            lead = 0;
            exp = mant == 0 ? 0 : -1022;
        } else {
            lead = 1;
            exp = be - 1023;
        }
        String frac;
        if (prec < 0) {
            int nd = 13;
            while (nd > 0 && ((mant >>> ((13 - nd) * 4)) & 0xF) == 0) nd--;
            frac = nd == 0 ? "" : hex13(mant).substring(0, nd);
        } else if (prec < 13) {
            int shift = (13 - prec) * 4;
            long full = (lead << 52) | mant;
            long kept = full >>> shift, rem = full & ((1L << shift) - 1), half = 1L << (shift - 1);
            if (rem > half || (rem == half && (kept & 1) != 0)) kept++;
            lead = kept >>> (prec * 4);
            long f = kept & ((1L << (prec * 4)) - 1);
            frac = prec == 0 ? "" : hex13(f << ((13 - prec) * 4)).substring(0, prec);
        } else {
            frac = hex13(mant) + "0".repeat(prec - 13);
        }
        b.append(lead);
        if (!frac.isEmpty() || hash) b.append('.');
        b.append(upper ? frac.toUpperCase() : frac);
        b.append(upper ? 'P' : 'p').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
    }

    private static String hex13(long m) {
        String h = Long.toHexString(m);
        return h.length() < 13 ? "0".repeat(13 - h.length()) + h : h;
    }

    // ---------------------------------------------------------------- %q and %p

    private static void addLiteral(LuaThread th, StringBuilder sb, Object v, int arg) {
        if (v instanceof String s) {
            addQuoted(sb, s);
        } else if (v instanceof Long l) {
            sb.append(l == Long.MIN_VALUE ? "0x8000000000000000" : Long.toString(l));
        } else if (v instanceof Double d) {
            if (d == Double.POSITIVE_INFINITY) sb.append("1e9999");
            else if (d == Double.NEGATIVE_INFINITY) sb.append("-1e9999");
            else if (d.isNaN()) sb.append("(0/0)");
            else {
                if (Double.doubleToRawLongBits(d) < 0) sb.append('-');
                sb.append("0x");
                hexFloat(sb, Math.abs(d), -1, false, false);
            }
        } else if (v == null || v instanceof Boolean) {
            sb.append(v == null ? "nil" : v.toString());
        } else {
            throw Args.argError(th, arg, "value has no literal form");
        }
    }

    private static void addQuoted(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n') {
                sb.append('\\').append(c);
            } else if (c < 32 || c == 127) {
                sb.append('\\');
                if (i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
                    if (c < 100) sb.append('0');
                    if (c < 10) sb.append('0');
                }
                sb.append((int) c);
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** The reference's LUAI_MAXSHORTLEN: strings up to this length are interned, longer ones are distinct objects. */
    private static final int MAX_SHORT_LEN = 40;

    /**
     * %p: the address of a collectable value, or "(null)". Short strings by
     * content, as equal short strings are one object in the reference; long
     * strings by identity, as two equal long strings made apart are two objects.
     */
    private static String pointer(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) return "(null)";
        if (v instanceof String s && s.length() <= MAX_SHORT_LEN) return String.format("0x%08x", s.hashCode() & 0xffffffffL);
        return Ops.address(v);   // the same address tostring shows for tables, functions, threads, userdata
    }
}
