package org.luahost.vm.parser;

/**
 * Lua's string-to-number conversion ({@code luaO_str2num}), shared by the lexer
 * (numerals in source), {@code tonumber} and the string coercion of arithmetic.
 *
 * <p>The rules, as the reference applies them:
 * <ul>
 * <li>surrounding C whitespace (space, \t, \n, \v, \f, \r) is allowed;
 * <li>an integer is tried first: optional sign, then decimal digits, or
 *     {@code 0x} and hex digits. Hex integers wrap around modulo 2^64
 *     ({@code 0xffffffffffffffff} is -1); a decimal integer that does not fit
 *     (except exactly -2^63) is not an integer and is read again as a float;
 * <li>otherwise a float, as C's {@code strtod} reads it: optional sign, decimal
 *     digits with optional fraction and {@code e} exponent, or hex digits with
 *     optional fraction and {@code p} (binary) exponent; at least one digit;
 *     "inf" and "nan" are not numerals (the reference rejects any 'n').
 * </ul>
 * Everything is on Lua byte strings, so an embedded NUL simply makes the
 * string invalid.
 */
public final class NumberParser {
    private NumberParser() {}

    /** The value of numeral {@code s}: a Long, a Double, or null if {@code s} is not a numeral. */
    public static Object parse(String s) {
        Long i = parseInteger(s);
        if (i != null) return i;
        return parseFloat(s);
    }

    static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static int hexValue(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static boolean isHexPrefix(String s, int i) {
        return i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        return i;
    }

    /** {@code l_str2int}: an integer numeral, or null. */
    private static Long parseInteger(String s) {
        int n = s.length();
        int i = skipSpaces(s, 0);
        boolean neg = false;
        if (i < n && s.charAt(i) == '-') { neg = true; i++; }
        else if (i < n && s.charAt(i) == '+') i++;
        long a = 0;
        boolean empty = true;
        if (isHexPrefix(s, i)) {
            i += 2;
            for (int d; i < n && (d = hexValue(s.charAt(i))) >= 0; i++) {
                a = a * 16 + d;   // wraps around, as the reference's unsigned arithmetic
                empty = false;
            }
        } else {
            final long maxBy10 = Long.MAX_VALUE / 10;
            final long maxLastDigit = Long.MAX_VALUE % 10;
            for (; i < n && isDigit(s.charAt(i)); i++) {
                int d = s.charAt(i) - '0';
                // a < 0: the previous digit made -2^63 (allowed only as the last one of a negative numeral)
                if (a < 0 || a >= maxBy10 && (a > maxBy10 || d > maxLastDigit + (neg ? 1 : 0))) {
                    return null;   // overflow: the numeral is read as a float instead
                }
                a = a * 10 + d;
                empty = false;
            }
        }
        i = skipSpaces(s, i);
        if (empty || i != n) return null;
        return neg ? -a : a;
    }

    /** {@code l_str2d}: a float numeral as strtod reads it, or null. */
    private static Double parseFloat(String s) {
        if (s.indexOf('n') >= 0 || s.indexOf('N') >= 0) return null;   // reject 'inf' and 'nan'
        int n = s.length();
        int i = skipSpaces(s, 0);
        boolean neg = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        boolean hex = isHexPrefix(s, i);
        if (hex) i += 2;
        int mantStart = i;
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) dot = true;
            else if (hex ? hexValue(c) >= 0 : isDigit(c)) digits++;
            else break;
        }
        if (digits == 0) return null;
        String mantissa = s.substring(mantStart, i);
        String exponent = "0";
        if (i < n && (s.charAt(i) | 0x20) == (hex ? 'p' : 'e')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) j++;
            int expStart = j;
            while (j < n && isDigit(s.charAt(j))) j++;
            if (j > expStart) {   // strtod leaves a bare 'e'/'p' unread: then the tail is garbage
                exponent = s.substring(i + 1, j);
                i = j;
            }
        }
        if (skipSpaces(s, i) != n) return null;
        double v = hex ? Double.parseDouble("0x" + mantissa + "p" + exponent)
                       : Double.parseDouble(mantissa + "e" + exponent);
        return neg ? -v : v;
    }
}
