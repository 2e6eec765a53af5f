package org.luahost.vm.lib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library's {@code system}, {@code remove}, {@code rename} and
 * {@code popen}/{@code pclose} (with {@code read}/{@code write} on the pipe), called
 * through the foreign-function API, for {@link OsLib} to use when the JVM
 * grants native access ({@code --enable-native-access=ALL-UNNAMED}); without
 * it OsLib falls back to Java's process and file APIs.
 *
 * <p>Going to C gives exactly the reference's results: the raw wait status of
 * {@code system} and {@code pclose} (so a death by signal is told from an exit
 * code), a popen pipe that ends when every writer closed it, not when the
 * shell exits (Java's Process stops reading at the shell's exit), the errno
 * of a failed file operation, and file names passed as the Lua string's bytes
 * whatever the JVM's locale (Java encodes paths with the locale's charset,
 * which under {@code LC_ALL=C} cannot represent non-ASCII names).
 *
 * <p>The method handles are immutable and shared. They are created when this
 * class is initialised — a restricted operation, which without native access
 * would print the JVM's warning and then be allowed — so OsLib touches this
 * class only after {@code OsLib.nativeAccess()} said yes.
 */
final class OsNative {
    private OsNative() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSTEM = handle("system", false, ValueLayout.ADDRESS);
    private static final MethodHandle REMOVE = handle("remove", true, ValueLayout.ADDRESS);
    private static final MethodHandle RENAME = handle("rename", true, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
    private static final MethodHandle POPEN = LINKER.downcallHandle(LINKER.defaultLookup().find("popen").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS),
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle PCLOSE = handle("pclose", false, ValueLayout.ADDRESS);
    private static final MethodHandle FILENO = handle("fileno", false, ValueLayout.ADDRESS);
    private static final MethodHandle READ = io("read");
    private static final MethodHandle WRITE = io("write");
    /** EINTR: a read or write interrupted by a signal handler, retried. */
    private static final int EINTR = 4;

    private static MethodHandle io(String name) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                Linker.Option.captureCallState("errno"));
    }

    private static MethodHandle handle(String name, boolean errno, ValueLayout... args) {
        MemorySegment sym = LINKER.defaultLookup().find(name).orElseThrow();
        FunctionDescriptor fd = FunctionDescriptor.of(ValueLayout.JAVA_INT, args);
        return errno ? LINKER.downcallHandle(sym, fd, Linker.Option.captureCallState("errno"))
                : LINKER.downcallHandle(sym, fd);
    }

    /** A Lua string's bytes as a C string (C sees it up to the first NUL, as the reference does). */
    private static MemorySegment cstring(Arena arena, String s) {
        MemorySegment c = arena.allocate(s.length() + 1L);
        for (int i = 0; i < s.length(); i++) c.set(ValueLayout.JAVA_BYTE, i, (byte) s.charAt(i));
        c.set(ValueLayout.JAVA_BYTE, s.length(), (byte) 0);
        return c;
    }

    /** system(cmd): the wait status, or -1. */
    static int system(String cmd) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) SYSTEM.invokeExact(cstring(arena, cmd));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** remove(name): 0, or the errno of the failure. */
    static int remove(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = arena.allocate(STATE);
            int r = (int) REMOVE.invokeExact(st, cstring(arena, name));
            return r == 0 ? 0 : (int) ERRNO.get(st, 0L);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * popen(cmd, read ? "r" : "w"): the child's pipe as a {@link LuaFile.Pipe}
     * that reads or writes its descriptor directly (C's stdio buffer is not
     * used) and whose close is pclose (the raw wait status). Throws an
     * IOException with the strerror text when popen fails.
     */
    static LuaFile.Pipe popen(String cmd, boolean read) throws IOException {
        MemorySegment file;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = arena.allocate(STATE);
            file = (MemorySegment) POPEN.invokeExact(st, cstring(arena, cmd), cstring(arena, read ? "r" : "w"));
            if (file.equals(MemorySegment.NULL)) throw errnoException((int) ERRNO.get(st, 0L));
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        int fd;
        try {
            fd = (int) FILENO.invokeExact(file);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return new NativePipe(file, fd, read);
    }

    private static IOException errnoException(int errno) {
        return new IOException(LuaFile.strerror(errno));
    }

    /** A popen stream: read(2)/write(2) on its descriptor through a native buffer; pclose at the end. */
    private static final class NativePipe implements LuaFile.Pipe {
        private final MemorySegment file;
        private final int fd;
        private final InputStream in;
        private final OutputStream out;
        /** Native buffer (freed by the garbage collector; the handle may be used from several Java threads). */
        private final MemorySegment buf = Arena.ofAuto().allocate(LuaFile.BUFSIZE);
        private final MemorySegment state = Arena.ofAuto().allocate(STATE);

        NativePipe(MemorySegment file, int fd, boolean read) {
            this.file = file;
            this.fd = fd;
            this.in = read ? new InputStream() {
                @Override public int read() throws IOException {
                    byte[] b = new byte[1];
                    return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
                }

                @Override public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) return 0;
                    long n = call(READ, Math.min(len, LuaFile.BUFSIZE));
                    if (n == 0) return -1;
                    MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, b, off, (int) n);
                    return (int) n;
                }
            } : null;
            this.out = read ? null : new OutputStream() {
                @Override public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override public void write(byte[] b, int off, int len) throws IOException {
                    while (len > 0) {
                        int k = Math.min(len, LuaFile.BUFSIZE);
                        MemorySegment.copy(b, off, buf, ValueLayout.JAVA_BYTE, 0, k);
                        int done = 0;
                        while (done < k) done += (int) call(WRITE, k - done, done);
                        off += k;
                        len -= k;
                    }
                }
            };
        }

        private long call(MethodHandle h, long n) throws IOException {
            return call(h, n, 0);
        }

        /** read or write of n bytes at buf + at, retried on EINTR; the count, or an IOException. */
        private synchronized long call(MethodHandle h, long n, long at) throws IOException {
            for (;;) {
                long r;
                try {
                    r = (long) h.invokeExact(state, fd, buf.asSlice(at), n);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
                if (r >= 0) return r;
                int errno = (int) ERRNO.get(state, 0L);
                if (errno != EINTR) throw errnoException(errno);
            }
        }

        @Override public InputStream in() { return in; }

        @Override public OutputStream out() { return out; }

        @Override
        public int close() {
            try {
                return (int) PCLOSE.invokeExact(file);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** rename(from, to): 0, or the errno of the failure. */
    static int rename(String from, String to) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = arena.allocate(STATE);
            int r = (int) RENAME.invokeExact(st, cstring(arena, from), cstring(arena, to));
            return r == 0 ? 0 : (int) ERRNO.get(st, 0L);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
