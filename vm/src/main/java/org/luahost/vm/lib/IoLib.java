package org.luahost.vm.lib;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.Profile;
import org.luahost.vm.runtime.NumFmt;
import org.luahost.vm.runtime.Ops;

/**
 * The {@code io} library of Lua 5.4 (manual §6.8), trusted profile only.
 *
 * <p>Files are full userdata ({@link LuaUserdata}) whose payload is a
 * {@link LuaFile}, with the metatable the reference gives them
 * ({@code __name = "FILE*"}, {@code __index} with the methods,
 * {@code __tostring}, {@code __close}, {@code __gc}). Results and messages are
 * the reference's: failures are {@code nil, "name: strerror", errno}, closed
 * files raise {@code attempt to use a closed file}, {@code read} accepts the
 * formats {@code n l L a} (with or without {@code *}) and counts, and numbers
 * are read with the reference's numeral scanner (at most 200 characters, one
 * character of look-ahead given back). {@code io.stdin}, {@code io.stdout} and
 * {@code io.stderr} are the state's streams, the ones {@code print} uses.
 *
 * <p>Buffered output of files that are never closed is written when the JVM
 * exits (as C's {@code exit} flushes every stream) and when the file handle
 * is garbage collected: by a Lua collection that finds it unreachable
 * ({@code collectgarbage()} returns after its {@code __gc} ran, as in the
 * reference), or else by a {@link Cleaner} once the JVM collects it.
 * {@link #flushAll} writes it out at any time.
 *
 * <p>{@code popen} runs {@code /bin/sh -c cmd} with the process's own standard
 * streams for the ends it does not pipe; as the reference, it first flushes
 * every output stream. With native access it is C's popen/pclose
 * ({@link OsNative}): a child killed by a signal is reported as
 * {@code nil, "signal", n}, and reading goes on until every process holding
 * the pipe closed it. Without, it is a Java {@link Process}: a death by
 * signal n looks like an exit with status 128+n, and reading stops at the
 * shell's exit.
 */
public final class IoLib {
    private IoLib() {}

    /** A read count from which {@code read(n)} fails with "not enough memory", as the reference's buffer allocation does. */
    private static final long HUGE_READ = 1L << 40;

    /** Runs the {@code __gc} of file handles that became garbage: closes (and flushes) them. */
    private static final Cleaner CLEANER = Cleaner.create();

    static final String IO_INPUT = "_IO_input", IO_OUTPUT = "_IO_output";
    private static final int MAXARGLINE = 250;
    private static final int MAXLENNUM = 200;

    /** Per-state data of the library. */
    private static final class IoState {
        final LuaTable meta = new LuaTable(0, 8);
        final LuaState L;
        /** Files with buffered output, flushed at exit. */
        final Set<LuaFile> dirty = ConcurrentHashMap.newKeySet();
        boolean exitHook;

        IoState(LuaState L) { this.L = L; }
    }

    public static void install(LuaState L, Profile profile) {
        if (profile != Profile.TRUSTED) return;
        IoState st = new IoState(L);
        L.setExtension(IoState.class, st);

        LuaTable methods = new LuaTable(0, 8);
        method(methods, "close", (th, a) -> { tofile(th, a, st); return auxClose(th, (LuaUserdata) a[0]); });
        method(methods, "flush", (th, a) -> {
            LuaFile f = tofile(th, a, st);
            try {
                f.flush();
                return ret(Boolean.TRUE);
            } catch (IOException e) {
                return fileError(null, e);
            }
        });
        method(methods, "lines", (th, a) -> {
            tofile(th, a, st);
            return ret(lines(th, st, (LuaUserdata) a[0], a, 1, false));
        });
        method(methods, "read", (th, a) -> read(th, tofile(th, a, st), a, 1));
        method(methods, "seek", (th, a) -> {
            LuaFile f = tofile(th, a, st);
            int op = Args.checkOption(th, a, 2, "cur", "set", "cur", "end");
            long off = Args.optInteger(th, a, 3, 0);
            try {
                return ret(f.seek(op, off));
            } catch (IOException e) {
                return fileError(null, e);
            }
        });
        method(methods, "setvbuf", (th, a) -> {
            LuaFile f = tofile(th, a, st);
            int op = Args.checkOption(th, a, 2, null, "no", "full", "line");
            long size = Args.optInteger(th, a, 3, 1024);
            try {
                f.setvbuf(op == 0 ? LuaFile.NO : op == 1 ? LuaFile.FULL : LuaFile.LINE, size);
                return ret(Boolean.TRUE);
            } catch (IOException e) {
                return fileError(null, e);
            }
        });
        method(methods, "write", (th, a) -> write(th, tofile(th, a, st), (LuaUserdata) a[0], a, 1));

        LuaTable mt = st.meta;
        mt.rawset("__name", "FILE*");
        mt.rawset("__index", methods);
        JavaFunction gc = JavaFunction.of(null, (th, a) -> {
            LuaUserdata u = checkFile(th, a, 1, st);   // f_gc: luaL_checkudata(L, 1, "FILE*")
            if (!((LuaFile) u.payload()).closed) auxClose(th, u);
            return LuaFunction.NONE;
        });
        mt.rawset("__gc", gc);
        mt.rawset("__close", gc);
        mt.rawset("__tostring", JavaFunction.of(null, (th, a) -> {
            LuaUserdata u = checkFile(th, a, 1, st);
            return ret(((LuaFile) u.payload()).closed ? "file (closed)" : "file (" + Ops.address(u) + ")");
        }));

        LuaTable io = new LuaTable(0, 16);
        fn(io, "close", (th, a) -> {
            if (a.length == 0) a = new Object[] {L.registry.rawget(IO_OUTPUT)};
            tofile(th, a, st);
            return auxClose(th, (LuaUserdata) a[0]);
        });
        fn(io, "flush", (th, a) -> {
            LuaFile f = ioFile(th, st, IO_OUTPUT);
            try {
                f.flush();
                return ret(Boolean.TRUE);
            } catch (IOException e) {
                return fileError(null, e);
            }
        });
        fn(io, "input", (th, a) -> ioFileArg(th, a, st, IO_INPUT, "r"));
        fn(io, "output", (th, a) -> ioFileArg(th, a, st, IO_OUTPUT, "w"));
        fn(io, "lines", (th, a) -> {
            if (a.length == 0) a = new Object[] {null};
            if (a[0] == null) {
                a = a.clone();
                a[0] = L.registry.rawget(IO_INPUT);
                tofile(th, a, st);
                return ret(lines(th, st, (LuaUserdata) a[0], a, 1, false));
            }
            String name = Args.checkString(th, a, 1);
            LuaUserdata u = openCheck(th, st, name, "r");
            LuaFunction it = lines(th, st, u, a, 1, true);
            return new Object[] {it, null, null, u};
        });
        fn(io, "open", (th, a) -> {
            String name = Args.checkString(th, a, 1);
            String mode = Args.optString(th, a, 2, "r");
            if (!checkMode(mode)) throw Args.argError(th, 2, "invalid mode");
            try {
                return ret(open(st, name, mode));
            } catch (IOException | InvalidPathException e) {
                return fileError(name, e);
            }
        });
        fn(io, "popen", (th, a) -> {
            String cmd = Args.checkString(th, a, 1);
            String mode = Args.optString(th, a, 2, "r");
            if (!(mode.equals("r") || mode.equals("w"))) throw Args.argError(th, 2, "invalid mode");
            flushAll(L);
            try {
                return ret(popen(st, cmd, mode.equals("r")));
            } catch (IOException e) {
                return fileError(cmd, e);
            }
        });
        fn(io, "read", (th, a) -> read(th, ioFile(th, st, IO_INPUT), a, 0));
        fn(io, "tmpfile", (th, a) -> {
            try {
                Path p = Files.createTempFile("lua_", null);
                FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
                Files.deleteIfExists(p);
                return ret(newFile(st, LuaFile.file(ch, true, true, false, 0, st.dirty)));
            } catch (IOException e) {
                return fileError(null, e);
            }
        });
        fn(io, "type", (th, a) -> {
            Args.checkAny(th, a, 1);
            if (a[0] instanceof LuaUserdata u && u.payload() instanceof LuaFile f) return ret(f.closed ? "closed file" : "file");
            return ret(null);
        });
        fn(io, "write", (th, a) -> {
            LuaUserdata u = (LuaUserdata) L.registry.rawget(IO_OUTPUT);
            LuaFile f = ioFile(th, st, IO_OUTPUT);
            return write(th, f, u, a, 0);
        });

        LuaUserdata in = new LuaUserdata(LuaFile.std(LuaFile.Kind.STDIN, L), mt);
        LuaUserdata out = new LuaUserdata(LuaFile.std(LuaFile.Kind.STDOUT, L), mt);
        LuaUserdata err = new LuaUserdata(LuaFile.std(LuaFile.Kind.STDERR, L), mt);
        io.rawset("stdin", in);
        io.rawset("stdout", out);
        io.rawset("stderr", err);
        L.registry.rawset("FILE*", mt);   // as luaL_newmetatable registers it
        L.registry.rawset(IO_INPUT, in);
        L.registry.rawset(IO_OUTPUT, out);
        MathLib.register(L, "io", io);
    }

    /**
     * Flushes the buffered output of every open file of the state and of its
     * standard output (what C's {@code fflush(NULL)} does). Hosts may call it
     * before they stop; the JVM's exit does it too.
     */
    public static void flushAll(LuaState L) {
        IoState st = L.extension(IoState.class);
        if (st != null) for (LuaFile f : st.dirty.toArray(new LuaFile[0])) f.flushQuietly();
        L.stdout.flush();
        L.stderr.flush();
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of("io." + name, body));
    }

    private static void method(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(null, body));
    }

    private static Object[] ret(Object v) { return new Object[] {v}; }

    /** luaL_fileresult for a failure: nil, "[name: ]strerror", errno. */
    static Object[] fileError(String name, Exception e) {
        String msg = LuaFile.strerror(e);
        return new Object[] {null, name == null ? msg : name + ": " + msg, (long) LuaFile.errno(e)};
    }

    // ---------------------------------------------------------------- handles

    private static LuaUserdata checkFile(LuaThread th, Object[] a, int i, IoState st) {
        if (i <= a.length && a[i - 1] instanceof LuaUserdata u && u.payload() instanceof LuaFile && u.metatable == st.meta) return u;
        throw Args.typeError(th, a, i, "FILE*");
    }

    /** tofile: the open file at argument 1. */
    private static LuaFile tofile(LuaThread th, Object[] a, IoState st) {
        LuaFile f = (LuaFile) checkFile(th, a, 1, st).payload();
        if (f.closed) throw th.errorAtLevel("attempt to use a closed file", 1);
        return f;
    }

    /** getiofile: the default input or output file, which must be open. */
    private static LuaFile ioFile(LuaThread th, IoState st, String key) {
        Object v = st.L.registry.rawget(key);
        LuaFile f = v instanceof LuaUserdata u && u.payload() instanceof LuaFile lf ? lf : null;
        if (f == null || f.closed) {
            throw th.errorAtLevel("default " + key.substring(4) + " file is closed", 1);
        }
        return f;
    }

    private static Object[] ioFileArg(LuaThread th, Object[] a, IoState st, String key, String mode) {
        if (!Args.isNoneOrNil(a, 1)) {
            Object v = a[0];
            if (v instanceof String || v instanceof Long || v instanceof Double) {
                st.L.registry.rawset(key, openCheck(th, st, Ops.tostrNumOrString(v), mode));
            } else {
                tofile(th, a, st);
                st.L.registry.rawset(key, v);
            }
        }
        return ret(st.L.registry.rawget(key));
    }

    private static LuaUserdata newFile(IoState st, LuaFile f) {
        LuaUserdata u = new LuaUserdata(f, st.meta);
        if (!f.isStd()) {
            CLEANER.register(u, f::closeQuietly);
            st.L.gc().registeredWeakly(u);   // and closed by a Lua collection that finds it unreachable
            if (!st.exitHook) {
                // C's exit flushes every stream: a hook holding only the set of files with pending output
                st.exitHook = true;
                Set<LuaFile> d = st.dirty;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (LuaFile lf : d.toArray(new LuaFile[0])) lf.flushQuietly();
                }, "luahost-io-exit"));
            }
        }
        return u;
    }

    /** aux_close: marks the handle closed and runs its close function; the results of file:close(). */
    private static Object[] auxClose(LuaThread th, LuaUserdata u) {
        LuaFile f = (LuaFile) u.payload();
        if (f.isStd()) return new Object[] {null, "cannot close standard file"};
        if (f.isPipe()) {
            int raw = f.closePipe();
            if (raw == -1) return fileError(null, new IOException("No child processes"));   // ECHILD
            if ((raw & 0x7f) != 0) return new Object[] {null, "signal", (long) (raw & 0x7f)};   // WIFSIGNALED
            int status = (raw >> 8) & 0xff;
            return new Object[] {status == 0 ? Boolean.TRUE : null, "exit", (long) status};
        }
        try {
            f.closeFile();
            return ret(Boolean.TRUE);
        } catch (IOException e) {
            return fileError(null, e);
        }
    }

    /** l_checkmode: [rwa]%+?b* */
    private static boolean checkMode(String m) {
        int i = 0;
        if (m.isEmpty() || "rwa".indexOf(m.charAt(i++)) < 0) return false;
        if (i < m.length() && m.charAt(i) == '+') i++;
        while (i < m.length() && m.charAt(i) == 'b') i++;
        return i == m.length();
    }

    private static Path path(String luaName) {
        int z = luaName.indexOf('\0');
        String n = z < 0 ? luaName : luaName.substring(0, z);
        if (n.isEmpty()) throw new InvalidPathException("", "empty");
        return Path.of(LuaString.toJava(n));
    }

    /** fopen: the file userdata, or an exception saying why not. */
    private static LuaUserdata open(IoState st, String name, String mode) throws IOException {
        Path p = path(name);
        char m = mode.charAt(0);
        boolean plus = mode.indexOf('+') >= 0;
        Set<OpenOption> opts = new java.util.HashSet<>();
        boolean canRead = m == 'r' || plus, canWrite = m != 'r' || plus;
        if (canRead) opts.add(StandardOpenOption.READ);
        if (canWrite) opts.add(StandardOpenOption.WRITE);
        if (m == 'w') {
            opts.add(StandardOpenOption.CREATE);
            opts.add(StandardOpenOption.TRUNCATE_EXISTING);
        } else if (m == 'a') {
            opts.add(StandardOpenOption.CREATE);
        }
        FileChannel ch = FileChannel.open(p, opts);
        long pos = m == 'a' && !plus ? ch.size() : 0;
        LuaFile f = LuaFile.file(ch, canRead, canWrite, m == 'a', pos, st.dirty);
        if (!canWrite && java.nio.file.Files.isDirectory(p)) f.dirEnd = LuaFile.dirEnd(p);
        return newFile(st, f);
    }

    /** opencheckfile: as open, raising "cannot open file" on failure. */
    private static LuaUserdata openCheck(LuaThread th, IoState st, String name, String mode) {
        try {
            return open(st, name, mode);
        } catch (IOException | InvalidPathException e) {
            throw th.errorAtLevel("cannot open file '" + name + "' (" + LuaFile.strerror(e) + ")", 1);
        }
    }

    private static LuaUserdata popen(IoState st, String cmd, boolean read) throws IOException {
        int z = cmd.indexOf('\0');
        if (z >= 0) cmd = cmd.substring(0, z);
        if (OsLib.nativeAccess()) return newFile(st, LuaFile.pipe(st.L, OsNative.popen(cmd, read), read, st.dirty));
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", LuaString.toJava(cmd));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        if (read) pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        else pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        return newFile(st, LuaFile.pipe(st.L, LuaFile.processPipe(p, read), read, st.dirty));
    }

    // ---------------------------------------------------------------- read

    /** g_read: formats from a[first..] (argument numbers first+1..). */
    private static Object[] read(LuaThread th, LuaFile f, Object[] a, int first) {
        return gread(th, f, a, first);
    }

    /** g_read with the formats at a[first..]: the k-th of them is argument number first+k+1 in messages. */
    private static Object[] gread(LuaThread th, LuaFile f, Object[] a, int first) {
        int argBase = first + 1;
        int nargs = a.length - first;
        try {
            if (nargs <= 0) {
                StringBuilder sb = new StringBuilder();
                boolean ok = f.readLine(sb, false);
                th.state.gc().chargeString(sb.length());
                return ret(ok ? sb.toString() : null);
            }
            Object[] out = new Object[nargs];
            int n = 0;
            boolean success = true;
            for (int k = 0; k < nargs && success; k++) {
                Object fmt = a[first + k];
                Object v;
                if (fmt instanceof Long || fmt instanceof Double) {
                    long l = Args.checkInteger(th, a, argBase + k);
                    // the reference allocates a buffer of the count first: a negative one (a huge size_t)
                    // or one beyond any machine's memory fails whatever the file holds (1 TB here; the
                    // reference's limit is its malloc's, about the machine's memory and swap)
                    if (l < 0 || l >= HUGE_READ) throw th.raise("not enough memory");
                    StringBuilder sb = new StringBuilder();
                    if (l == 0) {
                        int c = f.getc();
                        f.ungetc(c);
                        success = c >= 0;
                        v = "";
                    } else {
                        success = f.readChars(sb, l) > 0;
                        v = sb.toString();
                    }
                } else {
                    String p;
                    if (fmt instanceof String s) p = s;
                    else throw typeErrorAt(th, fmt, argBase + k, "string");
                    int i = p.startsWith("*") ? 1 : 0;
                    char c = i < p.length() ? p.charAt(i) : '\0';
                    switch (c) {
                        case 'n' -> {
                            v = readNumber(f);
                            success = v != null;
                        }
                        case 'l', 'L' -> {
                            StringBuilder sb = new StringBuilder();
                            success = f.readLine(sb, c == 'L');
                            v = sb.toString();
                        }
                        case 'a' -> {
                            StringBuilder sb = new StringBuilder();
                            f.readAll(sb);
                            v = sb.toString();
                        }
                        default -> throw Args.argError(th, argBase + k, "invalid format");
                    }
                }
                if (v instanceof String str) th.state.gc().chargeString(str.length());
                out[n++] = success ? v : null;
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        } catch (IOException e) {
            return fileError(null, e);
        }
    }

    private static org.luahost.vm.LuaError typeErrorAt(LuaThread th, Object v, int argNo, String expected) {
        Object nm = Ops.metafield(th.state, v, "__name");
        String actual = nm instanceof String s ? s : Args.typeNameForError(v);
        return Args.argError(th, argNo, expected + " expected, got " + actual);
    }

    /** l_getn: scans a numeral as the reference does and converts it, or null. */
    private static Object readNumber(LuaFile f) throws IOException {
        NumReader r = new NumReader(f);
        int c;
        do { c = f.getc(); } while (c == ' ' || (c >= '\t' && c <= '\r'));
        r.c = c;
        int count = 0;
        boolean hex = false;
        r.test2('-', '+');
        if (r.test2('0', '0')) {
            if (r.test2('x', 'X')) hex = true;
            else count = 1;
        }
        count += r.digits(hex);
        if (r.test2('.', '.')) count += r.digits(hex);
        if (count > 0 && (hex ? r.test2('p', 'P') : r.test2('e', 'E'))) {
            r.test2('-', '+');
            r.digits(false);
        }
        f.ungetc(r.c);
        if (r.overflow) return null;
        return Ops.tonumber(r.sb.toString());
    }

    private static final class NumReader {
        final LuaFile f;
        final StringBuilder sb = new StringBuilder();
        int c;
        boolean overflow;

        NumReader(LuaFile f) { this.f = f; }

        boolean next() throws IOException {
            if (sb.length() >= MAXLENNUM) {
                overflow = true;
                return false;
            }
            sb.append((char) c);
            c = f.getc();
            return true;
        }

        boolean test2(char a, char b) throws IOException {
            if (c == a || c == b) return next();
            return false;
        }

        int digits(boolean hex) throws IOException {
            int n = 0;
            while ((hex ? isHex(c) : (c >= '0' && c <= '9')) && next()) n++;
            return n;
        }

        static boolean isHex(int c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
    }

    // ---------------------------------------------------------------- write

    /** g_write: the values at a[first..]; the file on success. */
    private static Object[] write(LuaThread th, LuaFile f, LuaUserdata u, Object[] a, int first) {
        IOException err = null;
        for (int i = first; i < a.length; i++) {
            Object v = a[i];
            String s;
            if (v instanceof Long l) s = Long.toString(l);
            else if (v instanceof Double d) s = NumFmt.fmtG(d, 14, false, false);
            else s = Args.checkString(th, a, i + 1);
            if (err == null) {
                try {
                    f.write(s);
                } catch (IOException e) {
                    err = e;
                }
            }
        }
        if (err != null) return fileError(null, err);
        return ret(u);
    }

    // ---------------------------------------------------------------- lines

    /** aux_lines: the iterator reading with the formats at a[from..]. */
    private static LuaFunction lines(LuaThread th, IoState st, LuaUserdata u, Object[] a, int from, boolean toclose) {
        int n = a.length - from;
        if (n > MAXARGLINE) throw Args.argError(th, MAXARGLINE + 2, "too many arguments");
        Object[] fmts = new Object[n + 1];
        System.arraycopy(a, from, fmts, 1, n);
        LuaFile f = (LuaFile) u.payload();
        return JavaFunction.of(null, (t, args) -> {
            if (f.closed) throw t.errorAtLevel("file is already closed", 1);
            Object[] r = gread(t, f, fmts, 1);
            if (r.length > 0 && r[0] != null) return r;
            if (r.length > 1 && r[1] != null) {
                throw t.errorAtLevel(Ops.tostrNumOrString(r[1]), 1);
            }
            if (toclose) auxClose(t, u);
            return LuaFunction.NONE;
        });
    }
}
