package org.luahost.vm.lib;

/**
 * The xoshiro256** pseudo-random generator that {@code math.random} uses in
 * Lua 5.4, with the same seeding, float conversion and range projection, so
 * that a program seeding with {@code math.randomseed(n)} sees exactly the
 * sequence the reference interpreter produces.
 *
 * <p>One instance per Lua state (it is captured by that state's
 * {@code math.random} and {@code math.randomseed}); not thread-safe, as a
 * state is used by one thread at a time.
 */
final class Xoshiro256 {
    private long s0, s1, s2, s3;

    /** Seeds as {@code math.randomseed(n1, n2)} does: state {n1, 0xff, n2, 0}, then 16 values discarded. */
    void seed(long n1, long n2) {
        s0 = n1;
        s1 = 0xff;
        s2 = n2;
        s3 = 0;
        for (int i = 0; i < 16; i++) next();
    }

    /** The next 64 random bits. */
    long next() {
        long r = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return r;
    }

    /** A float in [0, 1) from the top 53 bits of a random value. */
    static double toDouble(long rv) {
        return (rv >>> 11) * 0x1p-53;
    }

    /**
     * Projects a random value into [0, n] (n taken as unsigned): when n + 1 is a
     * power of two the low bits are used directly, otherwise the value is masked
     * to the smallest 2^b - 1 covering n and new values are drawn until one fits.
     */
    long project(long ran, long n) {
        if ((n & (n + 1)) == 0) return ran & n;
        long lim = n;
        lim |= lim >>> 1;
        lim |= lim >>> 2;
        lim |= lim >>> 4;
        lim |= lim >>> 8;
        lim |= lim >>> 16;
        lim |= lim >>> 32;
        while (Long.compareUnsigned(ran &= lim, n) > 0) ran = next();
        return ran;
    }
}
