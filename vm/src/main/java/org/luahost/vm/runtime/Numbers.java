package org.luahost.vm.runtime;

/**
 * The number rules of the reference, written once for the operators
 * ({@link Ops}, the interpreter's and the second tier's fast paths) and the
 * libraries ({@code math}, {@code tonumber}, argument checks): Lua 5.4's
 * numbers are C's {@code long long} and {@code double} on x86-64 with glibc,
 * and programs can observe where C differs from Java:
 *
 * <ul>
 * <li>the sign of a NaN (printed {@code nan} or {@code -nan}): an invalid
 * operation on x86 gives the "default NaN" with its sign bit set, a NaN
 * operand propagates as it is, and each glibc function picks its own sign
 * ({@link #libm});
 * <li>{@code pow} and {@code fmod}, whose special cases differ from
 * {@link Math#pow} and Java's {@code %} ({@link #pow}, {@link #fmod});
 * <li>the floor division and modulo of the operators ({@link #idiv},
 * {@link #imod}, {@link #mod});
 * <li>conversions between floats and integers ({@link #floatToLong},
 * {@link #floatToNumber}) and the exact comparisons of an integer with a
 * float ({@link #lt}, {@link #le}, {@link #eqIF}).
 * </ul>
 *
 * <p>Everything here is a pure function of its arguments: it never fails and
 * never calls back into Lua, so a library's allocation-free path may use it
 * as freely as its general path.
 */
public final class Numbers {
    private Numbers() {}

    /** x86's default NaN (sign bit set), printed "-nan" as glibc prints it. */
    public static final double NEG_NAN = Double.longBitsToDouble(0xFFF8000000000000L);
    /** The positive quiet NaN some glibc functions return (printed "nan"). */
    public static final double POS_NAN = Double.longBitsToDouble(0x7FF8000000000000L);

    // ---------------------------------------------------------------- NaN signs

    /**
     * The result r of a libm function of x: a NaN input propagates as it is; a
     * NaN made from a non-NaN input has the sign glibc gives it for that
     * function ({@code sqrt(-1)} is -nan, {@code acos(2)} nan).
     */
    public static double libm(double x, double r, boolean negativeNan) {
        if (!Double.isNaN(r)) return r;
        if (Double.isNaN(x)) return x;
        return negativeNan ? NEG_NAN : POS_NAN;
    }

    /*
     * Float +, -, * and / with the reference's NaN when both operands are
     * NaNs: x86 keeps the NaN of one operand, and which one depends on the
     * operand order of the instruction the compiler picked. lua5.4 (gcc,
     * x86-64) keeps the second operand's for + and the first one's for the
     * others; the JVM's choice varies with the tier and the JIT, so the rule
     * is explicit here and every path of both tiers uses it. The cost on the
     * float path is one comparison (r == r) that is almost always true.
     */

    /** a + b; for two NaNs, b (the reference's). */
    public static double add(double a, double b) {
        double r = a + b;
        return r == r || a == a || b == b ? r : b;
    }

    /** a - b; for two NaNs, a. */
    public static double sub(double a, double b) {
        double r = a - b;
        return r == r || a == a || b == b ? r : a;
    }

    /** a * b; for two NaNs, a. */
    public static double mul(double a, double b) {
        double r = a * b;
        return r == r || a == a || b == b ? r : a;
    }

    /** a / b; for two NaNs, a. */
    public static double div(double a, double b) {
        // Without a branch: 0/0 and inf/inf are rare, so HotSpot's C2 would compile a test of r
        // as an uncommon trap, and the first NaN in a hot loop would throw away (and recompile)
        // the whole compiled unit that inlined this. mask is all ones when both are NaN.
        double r = a / b;
        long ab = Double.doubleToRawLongBits(a);
        long mask = -(nanBit(ab) & nanBit(Double.doubleToRawLongBits(b)));
        return Double.longBitsToDouble((Double.doubleToRawLongBits(r) & ~mask) | (ab & mask));
    }

    /** 1 when the double with these bits is a NaN, else 0 (arithmetic only, no branch). */
    private static long nanBit(long bits) {
        return (0x7ff0000000000000L - (bits & 0x7fffffffffffffffL)) >>> 63;
    }

    // ---------------------------------------------------------------- pow and fmod

    /**
     * C99's pow as glibc computes it ({@link Libm#pow}: glibc's own when the
     * JVM grants native access): unlike Java's, pow(1, y) and pow(-1, ±inf)
     * are 1, and pow(x, ±0) is 1 even for a NaN x; a NaN result has glibc's
     * sign. {@code x^2} is x*x, as lua5.4 computes it; x^1 and 2^k (exact) skip the call.
     */
    public static double pow(double a, double b) {
        if (b == 2) return a * a;
        if (a == 1 || b == 0) return 1.0;
        // exact results, the same from any correctly rounded pow, without a call into the C library
        // (2^k is common in bit-twiddling loops)
        if (b == 1 && a == a) return a;
        if (a == 2 && b >= -1074 && b <= 1023 && b == (int) b) return Math.scalb(1.0, (int) b);
        if (a == -1 && Double.isInfinite(b)) return 1.0;
        double r = Libm.pow(a, b);
        if (Double.isNaN(r)) r = Double.isNaN(a) ? nanPow(a, b) : Double.isNaN(b) ? b : NEG_NAN;
        return r;
    }

    /**
     * glibc's pow(NaN, y) (y not 0): the NaN squared, its sign then flipped for a
     * negative NaN and an odd integer y (so pow(-nan, 3) is nan, pow(-nan, 0.5) -nan).
     */
    private static double nanPow(double x, double y) {
        boolean neg = Double.doubleToRawLongBits(x) < 0;
        if (neg && !Double.isNaN(y) && y == Math.rint(y) && Math.abs(y) < 0x1p53 && ((long) y & 1) != 0) neg = false;
        return neg ? NEG_NAN : Double.NaN;
    }

    /**
     * C's fmod (math.fmod on floats): Java's % on doubles except for the NaNs.
     * A NaN operand is returned as it is (the first one); an infinite a or a
     * zero b give x86's default NaN (-nan).
     */
    public static double fmod(double a, double b) {
        if (Double.isNaN(a)) return a;
        if (Double.isNaN(b)) return b;
        if (b == 0 || Double.isInfinite(a)) return NEG_NAN;
        return a % b;
    }

    /** C's truncating remainder of integers (math.fmod on integers); b must not be 0. */
    public static long fmod(long a, long b) {
        return b == -1 ? 0 : a % b;   // avoids the overflow of mininteger % -1
    }

    // ---------------------------------------------------------------- the operators' division

    /** Lua's float {@code %}: the remainder of the floor division, with fmod's NaNs. */
    public static double mod(double a, double b) {
        double m = fmod(a, b);
        if ((m > 0) ? b < 0 : (m < 0 && b > 0)) m += b;   // signs differ: floor, not trunc
        return m;
    }

    /** Lua's integer {@code %}: the remainder of the floor division; b must not be 0. */
    public static long imod(long a, long b) {
        if (b == -1) return 0;
        long m = a % b;
        if (m != 0 && (m ^ b) < 0) m += b;
        return m;
    }

    /** Lua's float {@code //}. */
    public static double idiv(double a, double b) { return Math.floor(a / b); }

    // ---------------------------------------------------------------- conversions

    /** The float as an integer if it has an exact integer representation, else null. */
    public static Long floatToLong(double f) {
        if (f >= -0x1p63 && f < 0x1p63) {
            long l = (long) f;
            if (l == f) return l;
        }
        return null;
    }

    /** A float as an integer when it has an exact integer representation, else the float (math.floor, ceil, modf). */
    public static Object floatToNumber(double d) {
        Long l = floatToLong(d);
        return l != null ? (Object) l : (Object) d;
    }

    /** The value of a number (Long or Double) as a float. */
    public static double toDouble(Object n) { return n instanceof Long l ? (double) l : (Double) n; }

    // ---------------------------------------------------------------- comparisons

    /** a < b for two numbers (Longs or Doubles), exactly, as Lua compares them. */
    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x) return b instanceof Long y ? x < y : ltIF(x, (Double) b);
        double x = (Double) a;
        return b instanceof Double y ? x < y : ltFI(x, (Long) b);
    }

    /** a <= b for two numbers (Longs or Doubles), exactly, as Lua compares them. */
    public static boolean le(Object a, Object b) {
        if (a instanceof Long x) return b instanceof Long y ? x <= y : leIF(x, (Double) b);
        double x = (Double) a;
        return b instanceof Double y ? x <= y : leFI(x, (Long) b);
    }

    /** Exact mathematical equality of an integer and a float. */
    public static boolean eqIF(long i, double f) {
        return f >= -0x1p63 && f < 0x1p63 && (long) f == i;
    }

    /** i < f exactly. */
    public static boolean ltIF(long i, double f) {
        if (Double.isNaN(f)) return false;
        if (f >= 0x1p63) return true;
        if (f < -0x1p63) return false;
        return i < (long) Math.ceil(f);   // i < f  <=>  i < ceil(f)
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
