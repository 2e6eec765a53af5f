package org.luahost.vm.runtime;

/**
 * Copies of the short value arrays that calls pass around (arguments, results, varargs).
 *
 * <p>For a length it cannot prove small, HotSpot's {@code System.arraycopy} and
 * {@code Object[].clone()} call a shared copy stub, whose call costs more than copying two or
 * three references: on a recursive function whose arguments ended in a call
 * ({@code ack(m - 1, ack(m, n - 1))}) that stub took a third of the run. Up to
 * {@link #INLINE} elements are copied by a loop compiled in place; longer copies use the stub.
 */
public final class Copy {
    private Copy() {}

    /** The longest copy done by a loop. */
    static final int INLINE = 8;

    /** {@code System.arraycopy(src, sp, dst, dp, n)}. */
    public static void copy(Object[] src, int sp, Object[] dst, int dp, int n) {
        if (n <= INLINE) {
            for (int i = 0; i < n; i++) dst[dp + i] = src[sp + i];
        } else {
            System.arraycopy(src, sp, dst, dp, n);
        }
    }

    /** {@code a.clone()}. */
    public static Object[] of(Object[] a) {
        int n = a.length;
        if (n > INLINE) return a.clone();
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) r[i] = a[i];
        return r;
    }

    /** {@code Arrays.copyOfRange(a, from, a.length)}. */
    public static Object[] from(Object[] a, int from) {
        int n = a.length - from;
        Object[] r = new Object[n];
        copy(a, from, r, 0, n);
        return r;
    }
}
