package org.luahost.vm.lib;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;

/**
 * The process's standard output or error (file descriptor 1 or 2) as C's {@code stdout} and
 * {@code stderr}: a print stream that can also seek, as {@code fseek(stdout, ...)} can when the
 * descriptor is a regular file ({@code lua x.lua > file}); on a pipe or a terminal seeking fails
 * with "Illegal seek", as in C. The standalone interpreter gives these to its state;
 * {@code io.stdout:seek} works only on such a stream.
 *
 * <p>Used by one thread at a time (the Lua thread running), not synchronized beyond PrintStream's own.
 */
public final class ProcessOutput extends PrintStream {
    private final FileOutputStream fd;

    private ProcessOutput(FileOutputStream fd, int buffer, boolean autoFlush) {
        super(buffer > 0 ? new BufferedOutputStream(fd, buffer) : fd, autoFlush);
        this.fd = fd;
    }

    /** Descriptor 1, buffered (buffer bytes; 0 for none). */
    public static ProcessOutput stdout(int buffer, boolean autoFlush) {
        return new ProcessOutput(new FileOutputStream(FileDescriptor.out), buffer, autoFlush);
    }

    /** Descriptor 2, unbuffered. */
    public static ProcessOutput stderr() {
        return new ProcessOutput(new FileOutputStream(FileDescriptor.err), 0, true);
    }

    /**
     * fseek + ftell: writes what is buffered, moves the descriptor to base + off (whence 0 the
     * start, 1 the current position, 2 the end) and returns the new position. Fails with
     * "Illegal seek" when the descriptor cannot seek, "Invalid argument" for a negative position.
     */
    long seek(int whence, long off) throws IOException {
        flush();
        FileChannel ch = fd.getChannel();
        long cur = ch.position();
        long base = whence == 0 ? 0 : whence == 1 ? cur : ch.size();
        long np = base + off;
        if (np < 0 || ((off ^ np) & (base ^ np)) < 0) throw LuaFile.EINVAL;
        if (np != cur) ch.position(np);
        return np;
    }
}
