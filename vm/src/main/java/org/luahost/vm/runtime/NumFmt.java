package org.luahost.vm.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting with C semantics: {@code tostring} of a float is C's
 * {@code %.14g} (plus ".0" when it looks like an integer), and NaN prints as
 * {@code nan} or {@code -nan} by its sign bit as glibc does. The arithmetic,
 * conversion and comparison rules are {@link Numbers}'.
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
            double a = Math.abs(d);
            int[] x = new int[1];
            String fast = prec <= 15 && a >= Double.MIN_NORMAL ? roundedShortest(a, prec, x) : null;
            if (fast != null) {
                digits = fast;
                exp = x[0];
            } else {
                BigDecimal bd = new BigDecimal(a).round(new MathContext(prec, RoundingMode.HALF_EVEN));
                String u = bd.unscaledValue().toString();
                exp = u.length() - 1 - bd.scale();
                digits = u.length() < prec ? u + "0".repeat(prec - u.length()) : u.substring(0, prec);
            }
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

    /**
     * The digits of a (> 0, not subnormal) rounded half-even to prec (at most
     * 15) significant digits, without BigDecimal: the shortest digits that
     * read back as a ({@link Double#toString}) round the same way as its
     * exact value, except when they end exactly at a tie; then this returns
     * null. exp[0] receives the decimal exponent of the first digit.
     */
    private static String roundedShortest(double a, int prec, int[] exp) {
        String r = Double.toString(a);
        char[] dig = new char[24];
        int nd = 0, intDigits = -1, e = 0;
        for (int i = 0, n = r.length(); i < n; i++) {
            char c = r.charAt(i);
            if (c == '.') intDigits = nd;
            else if (c == 'E') {
                e += Integer.parseInt(r, i + 1, n, 10);
                break;
            } else if (nd > 0 || c != '0') dig[nd++] = c;
            else if (intDigits >= 0) e--;   // a zero between the point and the first digit
        }
        if (intDigits < 0) intDigits = nd;
        while (nd > 0 && dig[nd - 1] == '0') nd--;
        int x = intDigits + e - 1;
        if (nd > prec) {
            char next = dig[prec];
            if (next == '5' && nd == prec + 1) return null;   // a tie in the shortest digits: the exact value decides
            if (next >= '5') {
                int k = prec - 1;
                while (k >= 0 && dig[k] == '9') dig[k--] = '0';
                if (k < 0) {
                    dig[0] = '1';
                    x++;
                } else {
                    dig[k]++;
                }
            }
            nd = prec;
        }
        for (int k = nd; k < prec; k++) dig[k] = '0';
        exp[0] = x;
        return new String(dig, 0, prec);
    }

    private static String stripZeros(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == '0') e--;
        return s.substring(0, e);
    }
}
