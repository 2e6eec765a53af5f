package org.luahost.vm.lib;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaThread;

/**
 * {@code string.pack}, {@code string.unpack} and {@code string.packsize}
 * (manual section 6.4.2), with the reference's format language and messages.
 *
 * <p>The layout is that of the reference on a 64-bit little-endian machine,
 * which is what {@code lua5.4} on the platforms we compare against uses:
 * native byte order little-endian, {@code int} 4 bytes, {@code long},
 * {@code size_t} and {@code lua_Integer} 8 bytes, native maximum alignment 8.
 * Packed data is a Lua string (one char per byte).
 */
final class StringPack {
    private StringPack() {}

    /** Largest integer size in a format ("i16"). */
    private static final int MAXINTSIZE = 16;
    /** Bytes of a lua_Integer. */
    private static final int SZINT = 8;
    private static final int NATIVE_ALIGN = 8;
    /** Limit of a number in a format: getnum stops reading digits above it (INT_MAX - 9) / 10. */
    private static final int NUM_LIMIT = (Integer.MAX_VALUE - 9) / 10;

    private static final int K_INT = 0, K_UINT = 1, K_FLOAT = 2, K_NUMBER = 3, K_DOUBLE = 4, K_CHAR = 5,
            K_STRING = 6, K_ZSTR = 7, K_PADDING = 8, K_PADDALIGN = 9, K_NOP = 10;

    /** The state of reading a format: position, endianness, alignment, and the last option read. */
    private static final class Header {
        final LuaThread th;
        final String fmt;
        int pos;
        boolean little = true;
        int maxalign = 1;
        /** Outputs of getDetails: the option's size and the padding before it. */
        int size, ntoalign;

        Header(LuaThread th, String fmt) {
            this.th = th;
            this.fmt = fmt;
        }

        boolean more() { return pos < fmt.length(); }

        private boolean digit() {
            return pos < fmt.length() && fmt.charAt(pos) >= '0' && fmt.charAt(pos) <= '9';
        }

        private int getNum(int df) {
            if (!digit()) return df;
            int a = 0;
            do {
                a = a * 10 + (fmt.charAt(pos++) - '0');
            } while (digit() && a <= NUM_LIMIT);
            return a;
        }

        private int getNumLimit(int df) {
            int sz = getNum(df);
            if (sz > MAXINTSIZE || sz <= 0) {
                throw th.errorAtLevel("integral size (" + sz + ") out of limits [1," + MAXINTSIZE + "]", 1);
            }
            return sz;
        }

        /** Reads one option; its size goes to {@link #size}. */
        int getOption() {
            char opt = fmt.charAt(pos++);
            size = 0;
            switch (opt) {
                case 'b': size = 1; return K_INT;
                case 'B': size = 1; return K_UINT;
                case 'h': size = 2; return K_INT;
                case 'H': size = 2; return K_UINT;
                case 'l': case 'j': size = 8; return K_INT;
                case 'L': case 'J': case 'T': size = 8; return K_UINT;
                case 'f': size = 4; return K_FLOAT;
                case 'n': size = 8; return K_NUMBER;
                case 'd': size = 8; return K_DOUBLE;
                case 'i': size = getNumLimit(4); return K_INT;
                case 'I': size = getNumLimit(4); return K_UINT;
                case 's': size = getNumLimit(8); return K_STRING;
                case 'c':
                    size = getNum(-1);
                    if (size == -1) throw th.errorAtLevel("missing size for format option 'c'", 1);
                    return K_CHAR;
                case 'z': return K_ZSTR;
                case 'x': size = 1; return K_PADDING;
                case 'X': return K_PADDALIGN;
                case ' ': return K_NOP;
                case '<': little = true; return K_NOP;
                case '>': little = false; return K_NOP;
                case '=': little = true; return K_NOP;
                case '!': maxalign = getNumLimit(NATIVE_ALIGN); return K_NOP;
                default: throw th.errorAtLevel("invalid format option '" + opt + "'", 1);
            }
        }

        /**
         * Reads the next option and works out the padding that aligns it at
         * offset totalsize: sets {@link #size} and {@link #ntoalign}.
         */
        int getDetails(long totalsize) {
            int opt = getOption();
            int align = size;
            if (opt == K_PADDALIGN) {   // 'X' aligns as the next option, which it consumes
                if (!more()) throw Args.argError(th, 1, "invalid next option for option 'X'");
                int saved = size;
                int next = getOption();
                align = size;
                size = saved;
                if (next == K_CHAR || align == 0) throw Args.argError(th, 1, "invalid next option for option 'X'");
            }
            if (align <= 1 || opt == K_CHAR) {
                ntoalign = 0;
            } else {
                if (align > maxalign) align = maxalign;
                if ((align & (align - 1)) != 0) throw Args.argError(th, 1, "format asks for alignment not power of 2");
                ntoalign = (align - (int) (totalsize & (align - 1))) & (align - 1);
            }
            return opt;
        }
    }

    // ---------------------------------------------------------------- pack

    static Object[] pack(LuaThread th, Object[] a) {
        long[] held = {0};
        try {
            return doPack(th, a, held);
        } catch (OutOfMemoryError e) {
            throw new org.luahost.vm.LuaError("not enough memory");
        } finally {
            th.state.gc().release(held[0]);
        }
    }

    /** The result grows by n bytes: held twice (the builder doubles its array, copied) until it is made (see Gc.hold). */
    private static long hold(LuaThread th, long n) {
        th.state.gc().hold(2 * n);
        return 2 * n;
    }

    private static Object[] doPack(LuaThread th, Object[] args, long[] held) {
        String fmt = Args.checkString(th, args, 1);
        // the reference pushes a nil after the arguments (its buffer's place): a missing value is "got nil"
        Object[] a = java.util.Arrays.copyOf(args, args.length + 1);
        Header h = new Header(th, fmt);
        StringBuilder b = new StringBuilder();
        int arg = 1;
        long totalsize = 0;
        while (h.more()) {
            int opt = h.getDetails(totalsize);
            int size = h.size, ntoalign = h.ntoalign;
            Work.bytes(th, (long) ntoalign + size);   // each option (strings: their length below)
            held[0] += hold(th, (long) ntoalign + size);   // before the result grows
            totalsize += ntoalign + size;
            if (ntoalign > 0) b.repeat('\0', ntoalign);
            arg++;
            switch (opt) {
                case K_INT: {
                    long n = Args.checkInteger(th, a, arg);
                    if (size < SZINT) {
                        long lim = 1L << (size * 8 - 1);
                        if (!(-lim <= n && n < lim)) throw Args.argError(th, arg, "integer overflow");
                    }
                    packInt(b, n, h.little, size, n < 0);
                    break;
                }
                case K_UINT: {
                    long n = Args.checkInteger(th, a, arg);
                    if (size < SZINT && Long.compareUnsigned(n, 1L << (size * 8)) >= 0) {
                        throw Args.argError(th, arg, "unsigned overflow");
                    }
                    packInt(b, n, h.little, size, false);
                    break;
                }
                case K_FLOAT: {
                    float f = (float) Args.checkDouble(th, a, arg);
                    packInt(b, Float.floatToRawIntBits(f) & 0xFFFFFFFFL, h.little, 4, false);
                    break;
                }
                case K_NUMBER: case K_DOUBLE: {
                    double d = Args.checkDouble(th, a, arg);
                    packInt(b, Double.doubleToRawLongBits(d), h.little, 8, false);
                    break;
                }
                case K_CHAR: {
                    String s = Args.checkString(th, a, arg);
                    if (s.length() > size) throw Args.argError(th, arg, "string longer than given size");
                    b.append(s);
                    if (size > s.length()) b.repeat('\0', size - s.length());
                    break;
                }
                case K_STRING: {
                    String s = Args.checkString(th, a, arg);
                    int len = s.length();
                    if (!(size >= 8 || len < (1L << (size * 8)))) {
                        throw Args.argError(th, arg, "string length does not fit in given size");
                    }
                    packInt(b, len, h.little, size, false);
                    Work.bytes(th, len);
                    held[0] += hold(th, len);
                    b.append(s);
                    totalsize += len;
                    break;
                }
                case K_ZSTR: {
                    String s = Args.checkString(th, a, arg);
                    Work.bytes(th, s.length());
                    held[0] += hold(th, s.length());
                    if (s.indexOf(0) >= 0) throw Args.argError(th, arg, "string contains zeros");
                    b.append(s).append('\0');
                    totalsize += s.length() + 1;
                    break;
                }
                case K_PADDING:
                    b.append('\0');
                    arg--;
                    break;
                default:   // K_PADDALIGN, K_NOP
                    arg--;
                    break;
            }
        }
        th.state.gc().chargeString(b.length());
        return JavaFunction.ret(b.toString());
    }

    /** Appends the size low bytes of n (sign-extended beyond 8 bytes when neg). */
    private static void packInt(StringBuilder b, long n, boolean little, int size, boolean neg) {
        int start = b.length();
        for (int i = 0; i < size; i++) {
            int byteVal = i < 8 ? (int) (n >>> (8 * i)) & 0xFF : (neg ? 0xFF : 0);
            b.append((char) byteVal);
        }
        if (!little) {   // reverse the bytes just written
            for (int i = start, j = b.length() - 1; i < j; i++, j--) {
                char t = b.charAt(i);
                b.setCharAt(i, b.charAt(j));
                b.setCharAt(j, t);
            }
        }
    }

    // ---------------------------------------------------------------- packsize

    static Object[] packsize(LuaThread th, Object[] a) {
        String fmt = Args.checkString(th, a, 1);
        Header h = new Header(th, fmt);
        long totalsize = 0;
        while (h.more()) {
            int opt = h.getDetails(totalsize);
            th.charge(1);
            if (opt == K_STRING || opt == K_ZSTR) throw Args.argError(th, 1, "variable-length format");
            long size = (long) h.size + h.ntoalign;
            if (totalsize > StringLib.MAXSIZE - size) throw Args.argError(th, 1, "format result too large");
            totalsize += size;
        }
        return JavaFunction.ret(totalsize);
    }

    // ---------------------------------------------------------------- unpack

    static Object[] unpack(LuaThread th, Object[] a) {
        String fmt = Args.checkString(th, a, 1);
        String data = Args.checkString(th, a, 2);
        long ld = data.length();
        long pos = StringLib.posrelatI(Args.optInteger(th, a, 3, 1), ld) - 1;
        if (pos > ld) throw Args.argError(th, 3, "initial position out of string");
        Header h = new Header(th, fmt);
        Object[] out = new Object[8];
        int n = 0;
        while (h.more()) {
            int opt = h.getDetails(pos);
            int size = h.size, ntoalign = h.ntoalign;
            Work.bytes(th, (long) ntoalign + size);
            if ((long) ntoalign + size > ld - pos) throw Args.argError(th, 2, "data string too short");
            pos += ntoalign;
            if (n + 2 > StringLib.MAX_RESULTS) throw th.errorAtLevel("stack overflow (too many results)", 1);
            Object v = null;
            int p = (int) pos;
            switch (opt) {
                case K_INT: case K_UINT:
                    v = unpackInt(th, data, p, h.little, size, opt == K_INT);
                    break;
                case K_FLOAT:
                    v = (double) Float.intBitsToFloat((int) unpackInt(th, data, p, h.little, 4, false));
                    break;
                case K_NUMBER: case K_DOUBLE:
                    v = Double.longBitsToDouble(unpackInt(th, data, p, h.little, 8, false));
                    break;
                case K_CHAR:
                    v = data.substring(p, p + size);
                    break;
                case K_STRING: {
                    long len = unpackInt(th, data, p, h.little, size, false);
                    if (Long.compareUnsigned(len, ld - pos - size) > 0) throw Args.argError(th, 2, "data string too short");
                    v = data.substring(p + size, p + size + (int) len);
                    pos += len;
                    break;
                }
                case K_ZSTR: {
                    int z = data.indexOf(0, p);
                    if (z < 0) throw Args.argError(th, 2, "unfinished string for format 'z'");
                    v = data.substring(p, z);
                    pos += z - p + 1;
                    break;
                }
                default:   // K_PADDALIGN, K_PADDING, K_NOP
                    pos += size;
                    continue;
            }
            if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
            out[n++] = v;
            pos += size;
        }
        if (n + 1 > out.length) out = java.util.Arrays.copyOf(out, n + 1);
        out[n++] = pos + 1;
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** Reads a size-byte integer at p; sizes above 8 must be a sign (or zero) extension of an 8-byte value. */
    private static long unpackInt(LuaThread th, String s, int p, boolean little, int size, boolean signed) {
        long res = 0;
        int limit = Math.min(size, SZINT);
        for (int i = limit - 1; i >= 0; i--) {
            res <<= 8;
            res |= s.charAt(little ? p + i : p + size - 1 - i);
        }
        if (size < SZINT) {
            if (signed) {
                int shift = 64 - size * 8;
                res = (res << shift) >> shift;
            }
        } else if (size > SZINT) {
            int mask = (!signed || res >= 0) ? 0 : 0xFF;
            for (int i = limit; i < size; i++) {
                if (s.charAt(little ? p + i : p + size - 1 - i) != mask) {
                    throw th.errorAtLevel(size + "-byte integer does not fit into Lua Integer", 1);
                }
            }
        }
        return res;
    }
}
