package org.luahost.vm.lib;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/**
 * The process's standard input as C's {@code stdin} stream: a buffer over
 * file descriptor 0 that can also seek, as {@code fseek(stdin, ...)} can when
 * the descriptor is a regular file ({@code lua x.lua < file}); on a pipe or
 * a terminal seeking fails with "Illegal seek", as in C. A host gives one to
 * {@link org.luahost.vm.LuaState#create} as the state's stdin (the standalone
 * interpreter does); {@code io.stdin:seek} works only on such a stream.
 *
 * <p>Used by one thread at a time (the Lua thread running), not synchronized.
 */
public final class StdinStream extends InputStream implements org.luahost.vm.spi.UnbufferedInput {
    private final FileInputStream in;
    private final byte[] buf = new byte[LuaFile.BUFSIZE];
    private int pos, len;

    /** The stream of file descriptor 0. */
    public StdinStream() {
        this.in = new FileInputStream(FileDescriptor.in);
    }

    @Override
    public int read() throws IOException {
        if (pos >= len && !fill()) return -1;
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) return 0;
        if (pos >= len) {
            if (n >= buf.length) return in.read(b, off, n);   // a large read goes straight through
            if (!fill()) return -1;
        }
        int k = Math.min(n, len - pos);
        System.arraycopy(buf, pos, b, off, k);
        pos += k;
        return k;
    }

    @Override
    public int readUnbuffered() throws IOException {
        return in.read();
    }

    @Override
    public int available() throws IOException {
        return len - pos + in.available();
    }

    private boolean fill() throws IOException {
        pos = 0;
        len = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return false;
        len = n;
        return true;
    }

    /**
     * fseek + ftell: moves to base + off (whence 0 the start, 1 the current
     * position, 2 the end) and returns the new position; the buffered input is
     * dropped. Fails with "Illegal seek" when descriptor 0 cannot seek, with
     * "Invalid argument" for a negative position.
     */
    long seek(int whence, long off) throws IOException {
        FileChannel ch = in.getChannel();
        long cur = ch.position() - (len - pos);
        long base = whence == 0 ? 0 : whence == 1 ? cur : ch.size();
        long np = base + off;
        if (np < 0 || ((off ^ np) & (base ^ np)) < 0) throw LuaFile.EINVAL;
        if (whence != 1 || off != 0) {
            ch.position(np);
            pos = len = 0;
            return ch.position();   // ftell asks the descriptor: a device such as /dev/null stays at 0
        }
        return np;
    }
}
