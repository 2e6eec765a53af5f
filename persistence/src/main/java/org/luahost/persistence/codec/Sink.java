package org.luahost.persistence.codec;

import java.util.Arrays;

/** A growable byte buffer the encoder writes to: single bytes, LEB128 varints, raw 8-byte words and Lua strings. */
final class Sink {
    private byte[] buf = new byte[4096];
    private int pos;

    int size() { return pos; }

    byte[] toArray(int headerRoom) {
        byte[] out = new byte[headerRoom + pos];
        System.arraycopy(buf, 0, out, headerRoom, pos);
        return out;
    }

    private void ensure(int n) {
        if (buf.length - pos >= n) return;
        long want = Math.max((long) buf.length * 2, (long) pos + n);
        if (want > Integer.MAX_VALUE - 64) {
            if ((long) pos + n > Integer.MAX_VALUE - 64) throw new IllegalStateException("snapshot larger than 2 GB");
            want = Integer.MAX_VALUE - 64;
        }
        buf = Arrays.copyOf(buf, (int) want);
    }

    void u8(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    /** Unsigned LEB128. */
    void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void zigzag(long v) { varint((v << 1) ^ (v >> 63)); }

    void i64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) v;
            v >>>= 8;
        }
    }

    /** A Lua string's bytes (one char per byte, 0..255). */
    @SuppressWarnings("deprecation")
    void latin1(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, pos);   // keeps the low 8 bits of each char: exactly a Lua string's bytes
        pos += n;
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }
}
