package org.luahost.vm.runtime;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C math library's transcendental functions, for the {@code ^} operator
 * and the {@code math} library: the platform's own {@code pow}, {@code exp},
 * {@code log}, {@code sin}... called through the foreign-function API when the
 * JVM grants this module native access ({@code --enable-native-access}, which
 * {@code luahost} and its tests give), else Java's {@link Math} and
 * {@link StrictMath}.
 *
 * <p>Why: the reference's results are glibc's, and glibc's functions are not
 * Java's. Both are within an ulp of the true value, but they round
 * differently in the last bit for a fraction of arguments: {@code 10^23} is
 * {@code 0x1.52d02c7e14af7p+76} in lua5.4 (glibc's pow, half an ulp above a
 * tie) and {@code ...af6p+76} with {@link Math#pow}; over random arguments
 * Java differed from glibc for about 0.2% of {@code x^y}, 17% of
 * {@code math.atan(y, x)}, 4% of {@code math.log(x, 2)} and {@code math.cosh},
 * and some of {@code sin}, {@code cos}, {@code tan}, {@code exp},
 * {@code asin}, {@code acos}, {@code log10}. Calling the C library gives the
 * reference's bits wherever luahost runs on glibc, NaN signs included. The
 * downcalls are marked {@link Linker.Option#critical critical} (these
 * functions neither block nor call back); each still costs a few tens of
 * nanoseconds more than HotSpot's intrinsics (one rough run: 6 million
 * {@code x^y} and {@code math.sin} calls, 0.63 s of CPU against 0.47 s).
 *
 * <p>The handles live in {@link Native}, initialised only after
 * {@link #NATIVE} said yes: creating a downcall is a restricted operation,
 * which without native access prints the JVM's warning. {@link #NATIVE} is a
 * constant, so each function compiles to one of its two paths.
 */
public final class Libm {
    private Libm() {}

    /** Whether the C library is used (native access granted and every symbol found). */
    public static final boolean NATIVE = nativeAvailable();

    private static boolean nativeAvailable() {
        if (!Libm.class.getModule().isNativeAccessEnabled() || Boolean.getBoolean("luahost.javamath")) return false;
        try {
            return Native.POW != null;
        } catch (Throwable e) {   // no such symbol, or no linker on this platform
            return false;
        }
    }

    public static double pow(double a, double b) { return NATIVE ? Native.call2(Native.POW, a, b) : Math.pow(a, b); }
    public static double exp(double x) { return NATIVE ? Native.call(Native.EXP, x) : Math.exp(x); }
    public static double log(double x) { return NATIVE ? Native.call(Native.LOG, x) : Math.log(x); }
    public static double sin(double x) { return NATIVE ? Native.call(Native.SIN, x) : Math.sin(x); }
    public static double cos(double x) { return NATIVE ? Native.call(Native.COS, x) : Math.cos(x); }
    public static double tan(double x) { return NATIVE ? Native.call(Native.TAN, x) : Math.tan(x); }
    public static double asin(double x) { return NATIVE ? Native.call(Native.ASIN, x) : StrictMath.asin(x); }
    public static double acos(double x) { return NATIVE ? Native.call(Native.ACOS, x) : StrictMath.acos(x); }
    public static double atan2(double y, double x) { return NATIVE ? Native.call2(Native.ATAN2, y, x) : StrictMath.atan2(y, x); }
    public static double log10(double x) { return NATIVE ? Native.call(Native.LOG10, x) : StrictMath.log10(x); }
    public static double cosh(double x) { return NATIVE ? Native.call(Native.COSH, x) : StrictMath.cosh(x); }
    public static double sinh(double x) { return NATIVE ? Native.call(Native.SINH, x) : StrictMath.sinh(x); }
    public static double tanh(double x) { return NATIVE ? Native.call(Native.TANH, x) : StrictMath.tanh(x); }

    /** C's log2, or NaN when the C library is not used (the caller then computes it in Java). */
    public static double log2OrNaN(double x) { return NATIVE ? Native.call(Native.LOG2, x) : Double.NaN; }

    /** The downcall handles; touched only when {@link #NATIVE} is true (or while deciding it). */
    private static final class Native {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final FunctionDescriptor D1 = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
        private static final FunctionDescriptor D2 =
                FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);

        static final MethodHandle POW = handle("pow", D2);
        static final MethodHandle ATAN2 = handle("atan2", D2);
        static final MethodHandle EXP = handle("exp", D1);
        static final MethodHandle LOG = handle("log", D1);
        static final MethodHandle LOG2 = handle("log2", D1);
        static final MethodHandle LOG10 = handle("log10", D1);
        static final MethodHandle SIN = handle("sin", D1);
        static final MethodHandle COS = handle("cos", D1);
        static final MethodHandle TAN = handle("tan", D1);
        static final MethodHandle ASIN = handle("asin", D1);
        static final MethodHandle ACOS = handle("acos", D1);
        static final MethodHandle COSH = handle("cosh", D1);
        static final MethodHandle SINH = handle("sinh", D1);
        static final MethodHandle TANH = handle("tanh", D1);

        private static MethodHandle handle(String name, FunctionDescriptor d) {
            MemorySegment sym = LINKER.defaultLookup().find(name).orElseThrow();
            return LINKER.downcallHandle(sym, d, Linker.Option.critical(false));
        }

        static double call(MethodHandle h, double x) {
            try {
                return (double) h.invokeExact(x);
            } catch (Throwable e) {
                throw new IllegalStateException("libm call failed", e);
            }
        }

        static double call2(MethodHandle h, double x, double y) {
            try {
                return (double) h.invokeExact(x, y);
            } catch (Throwable e) {
                throw new IllegalStateException("libm call failed", e);
            }
        }
    }
}
