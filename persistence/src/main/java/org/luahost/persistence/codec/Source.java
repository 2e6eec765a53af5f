package org.luahost.persistence.codec;

import java.nio.charset.StandardCharsets;

import org.luahost.persistence.CorruptSnapshotException;

/**
 * The decoder's view of a snapshot body. Every read checks the remaining
 * input, and every length read is checked against what remains before
 * anything is allocated for it, so hostile input cannot make the decoder
 * allocate more than a small multiple of its own size.
 */
final class Source {
    private final byte[] buf;
    private int pos;
    private final int end;

    Source(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    int remaining() { return end - pos; }

    int position() { return pos; }

    CorruptSnapshotException corrupt(String what) {
        return new CorruptSnapshotException("corrupt snapshot: " + what + " at byte " + pos);
    }

    int u8() {
        if (pos >= end) throw corrupt("unexpected end of data");
        return buf[pos++] & 0xFF;
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 63 && b > 1) throw corrupt("varint overflow");
                return v;
            }
        }
        throw corrupt("varint too long");
    }

    long zigzag() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    long i64() {
        if (end - pos < 8) throw corrupt("unexpected end of data");
        long v = 0;
        for (int i = 0; i < 8; i++) v |= (long) (buf[pos++] & 0xFF) << (8 * i);
        return v;
    }

    /**
     * A count of items that each take at least {@code minBytes} bytes of the
     * remaining input; larger counts are corrupt.
     */
    int count(String what, int minBytes) {
        long n = varint();
        if (n < 0 || n > (long) remaining() / minBytes) {
            throw corrupt(what + " " + Long.toUnsignedString(n) + " larger than the remaining input");
        }
        return (int) n;
    }

    String latin1(int len) {
        String s = new String(buf, pos, len, StandardCharsets.ISO_8859_1);
        pos += len;
        return s;
    }

    byte[] bytes(int len) {
        byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        return b;
    }
}
