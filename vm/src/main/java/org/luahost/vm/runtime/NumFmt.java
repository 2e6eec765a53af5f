package org.luahost.vm.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting and conversion with C semantics: {@code tostring} of a
 * float is C's {@code %.14g} (plus ".0" when it looks like an integer), NaN
 * prints as {@code nan} or {@code -nan} by its sign bit as glibc does, and
 * integer/float comparisons are exact.
 */
public final class NumFmt {
    private NumFmt() {}

    /** tostring of a number value (Long or Double). */
    public static String tostr(Object n) {
        if (n instanceof Long l) return Long.toString(l);
        return tostr(((Double) n).doubleValue());
    }

    public static String tostr(double d) {
        if (d == (long) d && Math.abs(d) < 1e14) {
            if (d == 0 && 1 / d < 0) return "-0.0";
            return Long.toString((long) d).concat(".0");
        }
        String s = fmtG(d, 14, false, false);
        // lua_Number2str adds ".0" when the result looks like an integer
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'n' || c == 'i') return s;
        }
        return s + ".0";
    }

    /** C's {@code %.<prec>g}; alt is the '#' flag (keep trailing zeros). */
    public static String fmtG(double d, int prec, boolean alt, boolean upper) {
        if (Double.isNaN(d)) {
            String s = (Double.doubleToRawLongBits(d) < 0) ? "-nan" : "nan";
            return upper ? s.toUpperCase() : s;
        }
        if (Double.isInfinite(d)) {
            String s = d < 0 ? "-inf" : "inf";
            return upper ? s.toUpperCase() : s;
        }
        if (prec == 0) prec = 1;
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        String digits;
        int exp;
        if (d == 0) {
            digits = "0".repeat(prec);
            exp = 0;
        } else {
            BigDecimal bd = new BigDecimal(Math.abs(d)).round(new MathContext(prec, RoundingMode.HALF_EVEN));
            String u = bd.unscaledValue().toString();
            exp = u.length() - 1 - bd.scale();
            digits = u.length() < prec ? u + "0".repeat(prec - u.length()) : u.substring(0, prec);
        }
        StringBuilder sb = new StringBuilder(24);
        if (neg) sb.append('-');
        if (exp < -4 || exp >= prec) {
            sb.append(digits.charAt(0));
            String frac = digits.substring(1);
            if (!alt) frac = stripZeros(frac);
            if (!frac.isEmpty() || alt) sb.append('.').append(frac);
            sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) sb.append('0');
            sb.append(ae);
        } else if (exp >= 0) {
            sb.append(digits, 0, exp + 1);
            String frac = digits.substring(exp + 1);
            if (!alt) frac = stripZeros(frac);
            if (!frac.isEmpty() || alt) sb.append('.').append(frac);
        } else {
            sb.append("0");
            String frac = "0".repeat(-exp - 1) + digits;
            if (!alt) frac = stripZeros(frac);
            if (!frac.isEmpty() || alt) sb.append('.').append(frac);
        }
        return sb.toString();
    }

    private static String stripZeros(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == '0') e--;
        return s.substring(0, e);
    }

    /** Exact mathematical equality of a float and an integer. */
    public static boolean floatFitsLong(Double f, Long i) { return eqIF(i, f); }

    public static boolean eqIF(long i, double f) {
        return f >= -0x1p63 && f < 0x1p63 && (long) f == i;
    }

    /** The float as an integer if it has an exact integer representation, else null. */
    public static Long floatToLong(double f) {
        if (f >= -0x1p63 && f < 0x1p63) {
            long l = (long) f;
            if (l == f) return l;
        }
        return null;
    }

    /** i < f exactly. */
    public static boolean ltIF(long i, double f) {
        if (Double.isNaN(f)) return false;
        if (f >= 0x1p63) return true;
        if (f < -0x1p63) return false;
        double fl = Math.ceil(f);   // i < f  <=>  i < ceil(f)
        return i < (long) fl;
    }

    /** i <= f exactly. */
    public static boolean leIF(long i, double f) {
        if (Double.isNaN(f)) return false;
        if (f >= 0x1p63) return true;
        if (f < -0x1p63) return false;
        return i <= (long) Math.floor(f);
    }

    /** f < i exactly. */
    public static boolean ltFI(double f, long i) {
        if (Double.isNaN(f)) return false;
        if (f >= 0x1p63) return false;
        if (f < -0x1p63) return true;
        return (long) Math.floor(f) < i;
    }

    /** f <= i exactly. */
    public static boolean leFI(double f, long i) {
        if (Double.isNaN(f)) return false;
        if (f >= 0x1p63) return false;
        if (f < -0x1p63) return true;
        return (long) Math.ceil(f) <= i;
    }
}
