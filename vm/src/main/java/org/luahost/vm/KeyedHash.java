package org.luahost.vm;

import java.security.SecureRandom;

/**
 * A keyed hash (SipHash-1-3 with a random 128-bit key chosen once per
 * process) for the tables that meet colliding keys: a table places string
 * keys by Java's {@link String#hashCode}, which is cached and cheap but
 * public, so anyone can make thousands of strings with one hash code (a
 * JSON object from a client, a script's keys) and turn every insertion into
 * a walk over all of them. A table that sees such a walk switches to this
 * hash for strings, integers and floats ({@code LuaTable}'s hardened mode),
 * and collisions can no longer be chosen without the key. lua5.4 seeds its
 * string hash per state for the same reason.
 *
 * <p>Strings are hashed as their 16-bit chars, four to a word, with the
 * length in the last word. Stateless after class initialisation; any thread.
 */
final class KeyedHash {
    private KeyedHash() {}

    private static final long K0, K1;
    static {
        SecureRandom r = new SecureRandom();
        K0 = r.nextLong();
        K1 = r.nextLong();
    }

    /** The keyed hash of s. */
    static int of(String s) {
        Sip h = new Sip(0);
        int n = s.length(), i = 0;
        for (; i + 4 <= n; i += 4) {
            h.word(s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48);
        }
        long last = (long) (n & 0xff) << 56;
        for (int shift = 0; i < n; i++, shift += 16) last |= (long) s.charAt(i) << shift;
        return h.finish(last);
    }

    /** The keyed hash of a 64-bit key (an integer, or a float's bits). */
    static int of(long k) { return new Sip(k).finish(k) ^ 0x5bd1e995; }

    /** SipHash's four words of state (short-lived: one per hash, which the JIT keeps in registers). */
    private static final class Sip {
        long v0 = K0 ^ 0x736f6d6570736575L, v1 = K1 ^ 0x646f72616e646f6dL;
        long v2 = K0 ^ 0x6c7967656e657261L, v3;

        Sip(long tweak) { v3 = K1 ^ 0x7465646279746573L ^ tweak; }

        private void round() {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }

        /** One word of input (one compression round). */
        void word(long m) {
            v3 ^= m;
            round();
            v0 ^= m;
        }

        /** The last word m, then the finalisation (three rounds); folded to 32 bits. */
        int finish(long m) {
            word(m);
            v2 ^= 0xff;
            for (int r = 0; r < 3; r++) round();
            long h = v0 ^ v1 ^ v2 ^ v3;
            return (int) (h ^ (h >>> 32));
        }
    }
}
