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
        super(buffer > 0 ? new BufferedOutputStream(new PipeGuard(fd), buffer) : new PipeGuard(fd), autoFlush);
        this.fd = fd;
    }

    /**
     * The exit status of a process that wrote to a pipe whose reader is gone:
     * 128 + SIGPIPE, what a shell reports for lua5.4, which the signal ends.
     */
    public static final int BROKEN_PIPE_STATUS = 128 + 13;

    /**
     * Descriptor 1 or 2 as the C library writes them: a write to a pipe whose
     * reader has gone ends the process, as SIGPIPE ends lua5.4
     * ({@code lua x.lua | head -1}). The JVM ignores SIGPIPE and PrintStream
     * swallows the error, so before, a program printing in a loop never ended
     * once its reader was gone. Halted, not exited: no shutdown hook may
     * write to the dead pipe again, and the process is done, as with the
     * signal.
     */
    private static final class PipeGuard extends java.io.FilterOutputStream {
        PipeGuard(FileOutputStream out) { super(out); }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw broken(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw broken(e);
            }
        }

        private static IOException broken(IOException e) {
            if (String.valueOf(e.getMessage()).contains("Broken pipe")) Runtime.getRuntime().halt(BROKEN_PIPE_STATUS);
            return e;
        }
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
