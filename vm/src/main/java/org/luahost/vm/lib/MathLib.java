package org.luahost.vm.lib;

import java.util.function.DoubleUnaryOperator;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;
import org.luahost.vm.runtime.Libm;
import org.luahost.vm.runtime.Numbers;
import org.luahost.vm.runtime.Ops;

/**
 * The {@code math} library of Lua 5.4 (manual §6.7), behaving as the
 * reference {@code lua5.4} does, down to the details programs can observe:
 *
 * <ul>
 * <li>integer/float subtypes: {@code floor}, {@code ceil} and the integral part
 * of {@code modf} give integers when the value fits, {@code abs} and
 * {@code fmod} keep integers integral, {@code max}/{@code min} return the
 * winning argument itself (they compare the arguments as given, so
 * {@code math.max("10")} is the string);
 * <li>the sign of the NaN a function produces, which glibc chooses per
 * function ({@code math.sqrt(-1)} prints {@code -nan}, {@code math.acos(2)}
 * {@code nan}), and C's pow and fmod: these rules are {@link Numbers}', shared
 * with the operators;
 * <li>the functions common in loops (abs, ceil, floor, sqrt, exp, sin, cos,
 * tan, max, min) have an allocation-free path for one-result calls, built
 * from the same definition as their general body ({@link FastFunction});
 * <li>{@code random} is xoshiro256** ({@link Xoshiro256}) seeded as 5.4 seeds
 * it, so seeded sequences are the reference's, and {@code randomseed}
 * returns the two seed components as 5.4.4 does.
 * </ul>
 *
 * <p>Transcendental functions are the C library's ({@link Libm}) when the
 * JVM grants native access, so they give glibc's bits as lua5.4 does;
 * without it, whichever of {@link Math} (HotSpot's intrinsics, for sin, cos,
 * tan, exp, log, pow) and {@link StrictMath} (fdlibm, the rest) agrees more
 * often with glibc, either differing from it in the last bit for a small
 * fraction of arguments. Debian's build
 * also has the 5.3 compatibility functions (cosh, sinh, tanh, pow, frexp,
 * ldexp, log10), so they are here too.
 * The generator state is per Lua state, held by the closures installed here.
 */
public final class MathLib {
    private MathLib() {}

    private static final double LN2 = 0.6931471805599453;

    public static void install(LuaState L, Profile profile) {
        LuaTable m = new LuaTable(0, 32);
        Xoshiro256 gen = new Xoshiro256();
        randomSeed(L, gen);

        m.rawset("abs", FastFunction.ofNumber("math.abs", MathLib::abs));
        m.rawset("ceil", FastFunction.ofNumber("math.ceil", MathLib::ceil));
        m.rawset("floor", FastFunction.ofNumber("math.floor", MathLib::floor));
        fn(m, "fmod", MathLib::fmod);
        fn(m, "modf", MathLib::modf);
        m.rawset("sqrt", FastFunction.ofFloat("math.sqrt", x -> Numbers.libm(x, Math.sqrt(x), true)));
        m.rawset("exp", FastFunction.ofFloat("math.exp", x -> Numbers.libm(x, Libm.exp(x), true)));
        fn(m, "log", MathLib::log);
        m.rawset("sin", FastFunction.ofFloat("math.sin", x -> Numbers.libm(x, Libm.sin(x), true)));
        m.rawset("cos", FastFunction.ofFloat("math.cos", x -> Numbers.libm(x, Libm.cos(x), true)));
        m.rawset("tan", FastFunction.ofFloat("math.tan", x -> Numbers.libm(x, Libm.tan(x), true)));
        libm(m, "asin", Libm::asin, false);
        libm(m, "acos", Libm::acos, false);
        // Debian's lua5.4 has LUA_COMPAT_MATHLIB: atan2 is atan (messages from the reference name it
        // "math.atan" or "math.atan2", whichever key a traversal of package.loaded.math meets first)
        JavaFunction atan = JavaFunction.of("math.atan", (th, a) -> {
            double y = Args.checkDouble(th, a, 1);
            double x = Args.optDouble(th, a, 2, 1.0);
            double r = Libm.atan2(y, x);
            if (Double.isNaN(r)) r = Double.isNaN(y) ? y : x;
            return ret(r);
        });
        m.rawset("atan", atan);
        m.rawset("atan2", atan);
        installCompat(m);
        fn(m, "deg", (th, a) -> ret(Args.checkDouble(th, a, 1) * (180.0 / Math.PI)));
        fn(m, "rad", (th, a) -> ret(Args.checkDouble(th, a, 1) * (Math.PI / 180.0)));
        fn(m, "tointeger", (th, a) -> {
            Long n = Ops.tointeger(Args.arg(a, 1));
            if (n != null) return ret(n);
            Args.checkAny(th, a, 1);
            return ret(null);
        });
        fn(m, "type", (th, a) -> {
            Object v = Args.checkAny(th, a, 1);
            if (v instanceof Long) return ret("integer");
            if (v instanceof Double) return ret("float");
            return ret(null);
        });
        fn(m, "ult", (th, a) -> {
            long x = Args.checkInteger(th, a, 1);
            long y = Args.checkInteger(th, a, 2);
            return ret(Long.compareUnsigned(x, y) < 0);
        });
        m.rawset("max", minmax("math.max", true));
        m.rawset("min", minmax("math.min", false));
        fn(m, "random", (th, a) -> random(th, a, gen));
        fn(m, "randomseed", (th, a) -> {
            if (a.length == 0) return randomSeed(L, gen);
            long n1 = Args.checkInteger(th, a, 1);
            long n2 = Args.optInteger(th, a, 2, 0);
            gen.seed(n1, n2);
            return new Object[] {n1, n2};
        });
        m.rawset("pi", Math.PI);
        m.rawset("huge", Double.POSITIVE_INFINITY);
        m.rawset("maxinteger", Long.MAX_VALUE);
        m.rawset("mininteger", Long.MIN_VALUE);
        register(L, "math", m);
    }

    /** The LUA_COMPAT_MATHLIB functions Debian's lua5.4 has: cosh, sinh, tanh, pow, frexp, ldexp, log10. */
    private static void installCompat(LuaTable m) {
        libm(m, "cosh", Libm::cosh, true);
        libm(m, "sinh", Libm::sinh, true);
        libm(m, "tanh", Libm::tanh, true);
        libm(m, "log10", Libm::log10, false);
        fn(m, "pow", (th, a) -> {
            double x = Args.checkDouble(th, a, 1);
            double y = Args.checkDouble(th, a, 2);
            return ret(Numbers.pow(x, y));
        });
        fn(m, "frexp", (th, a) -> {
            double x = Args.checkDouble(th, a, 1);
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) return new Object[] {x, 0L};
            int e = Math.getExponent(x);
            if (e == Double.MIN_EXPONENT - 1) {   // subnormal
                x *= 0x1p54;
                e = Math.getExponent(x) - 54;
                return new Object[] {Math.scalb(x, -(e + 54) - 1), (long) (e + 1)};
            }
            return new Object[] {Math.scalb(x, -e - 1), (long) (e + 1)};
        });
        fn(m, "ldexp", (th, a) -> {
            double x = Args.checkDouble(th, a, 1);
            int e = (int) Args.checkInteger(th, a, 2);   // C casts to int
            return ret(Math.scalb(x, e));
        });
    }

    // ---------------------------------------------------------------- helpers

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of("math." + name, body));
    }

    /** A libm function of one float (no fast path) whose NaN for a non-NaN argument has glibc's sign. */
    private static void libm(LuaTable t, String name, DoubleUnaryOperator f, boolean negativeNan) {
        fn(t, name, (th, a) -> {
            double x = Args.checkDouble(th, a, 1);
            return ret(Numbers.libm(x, f.applyAsDouble(x), negativeNan));
        });
    }

    private static Object[] ret(Object v) { return new Object[] {v}; }

    /** Sets the library as a global and in {@code package.loaded}. */
    static void register(LuaState L, String name, LuaTable lib) {
        L.setGlobal(name, lib);
        if (L.getGlobal("package") instanceof LuaTable pkg && pkg.rawget("loaded") instanceof LuaTable loaded) {
            loaded.rawset(name, lib);
        }
    }

    // ---------------------------------------------------------------- functions

    // abs, ceil and floor get an integer (Long) as given, anything else as a float (FastFunction.ofNumber)

    private static Object ceil(Object n) {
        return n instanceof Long ? n : Numbers.floatToNumber(Math.ceil((Double) n));
    }

    private static Object floor(Object n) {
        return n instanceof Long ? n : Numbers.floatToNumber(Math.floor((Double) n));
    }

    private static Object abs(Object n) {
        if (n instanceof Long l) return l < 0 ? -l : l;
        return Math.abs((Double) n);
    }

    private static Object[] fmod(LuaThread th, Object[] a) {
        if (Args.arg(a, 1) instanceof Long x && Args.arg(a, 2) instanceof Long y) {
            if (y == 0) throw Args.argError(th, 2, "zero");
            return ret(Numbers.fmod(x, y));
        }
        double y = Args.checkDouble(th, a, 2);   // the reference's build checks #2 first
        double x = Args.checkDouble(th, a, 1);
        return ret(Numbers.fmod(x, y));
    }

    private static Object[] modf(LuaThread th, Object[] a) {
        if (Args.arg(a, 1) instanceof Long l) return new Object[] {l, 0.0};
        double n = Args.checkDouble(th, a, 1);
        double ip = n < 0 ? Math.ceil(n) : Math.floor(n);
        double frac = n == ip ? 0.0 : n - ip;   // 0.0 for infinities; NaN stays NaN
        return new Object[] {Double.isNaN(ip) ? (Object) ip : Numbers.floatToNumber(ip), frac};
    }

    private static Object[] log(LuaThread th, Object[] a) {
        double x = Args.checkDouble(th, a, 1);
        double r;
        if (Args.isNoneOrNil(a, 2)) {
            r = Numbers.libm(x, Libm.log(x), true);
        } else {
            double base = Args.checkDouble(th, a, 2);
            if (base == 2.0) r = log2(x);
            else if (base == 10.0) r = Numbers.libm(x, Libm.log10(x), false);
            else r = Numbers.libm(x, Libm.log(x), true) / Numbers.libm(base, Libm.log(base), true);
        }
        return ret(r);
    }

    /** C's log2 ({@link Libm}), or without native access one exact for powers of two, as glibc's is. */
    static double log2(double x) {
        if (Double.isNaN(x)) return x;
        if (Libm.NATIVE) return Numbers.libm(x, Libm.log2OrNaN(x), true);
        if (x < 0) return Numbers.NEG_NAN;
        if (x == 0) return Double.NEGATIVE_INFINITY;
        if (Double.isInfinite(x)) return x;
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) {   // subnormal: scale into the normal range
            x *= 0x1p54;
            e = Math.getExponent(x) - 54;
            x = x / Math.scalb(1.0, Math.getExponent(x));
        } else {
            x = x / Math.scalb(1.0, e);       // mantissa in [1, 2)
        }
        if (x == 1.0) return e;
        if (x > Math.sqrt(2)) { x /= 2; e++; }   // mantissa in (sqrt(1/2), sqrt(2)]: log near 0
        return e + Math.log(x) / LN2;
    }

    /**
     * math.max (or min): the winning argument itself, compared as given
     * (lua_compare's '<', so math.max("10") is the string; on a tie or a NaN
     * the earlier argument wins). Two numbers compare by {@link Numbers#lt},
     * as {@link Ops#lt} compares them, so the fast path may skip Ops.
     */
    private static FastFunction minmax(String name, boolean max) {
        return new FastFunction(name, (th, a) -> {
            if (a.length < 1) throw Args.argError(th, 1, "value expected");
            Object best = a[0];
            for (int i = 1; i < a.length; i++) {
                if (max ? Ops.lt(th, best, a[i], null) : Ops.lt(th, a[i], best, null)) best = a[i];
            }
            return ret(best);
        }) {
            @Override
            Object fast(Object a) { return isNumber(a) ? a : SLOW; }

            @Override
            Object fast(Object a, Object b) {
                if (!isNumber(a) || !isNumber(b)) return SLOW;
                return (max ? Numbers.lt(a, b) : Numbers.lt(b, a)) ? b : a;
            }
        };
    }

    private static boolean isNumber(Object v) { return v instanceof Long || v instanceof Double; }

    private static Object[] random(LuaThread th, Object[] a, Xoshiro256 gen) {
        long rv = gen.next();
        long low, up;
        switch (a.length) {
            case 0:
                return ret(Xoshiro256.toDouble(rv));
            case 1:
                low = 1;
                up = Args.checkInteger(th, a, 1);
                if (up == 0) return ret(rv);
                break;
            case 2:
                low = Args.checkInteger(th, a, 1);
                up = Args.checkInteger(th, a, 2);
                break;
            default:
                throw th.errorAtLevel("wrong number of arguments", 1);
        }
        if (low > up) throw Args.argError(th, 1, "interval is empty");
        return ret(gen.project(rv, up - low) + low);
    }

    /** Seeds from the clock and a per-state value, as the reference seeds from time and an address. */
    private static Object[] randomSeed(LuaState L, Xoshiro256 gen) {
        long n1 = System.currentTimeMillis() / 1000;
        long n2 = (System.nanoTime() * 0x9E3779B97F4A7C15L) ^ ((long) System.identityHashCode(L) << 16)
                ^ System.identityHashCode(gen);
        gen.seed(n1, n2);
        return new Object[] {n1, n2};
    }

}
