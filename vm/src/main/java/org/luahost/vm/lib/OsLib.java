package org.luahost.vm.lib;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.luahost.vm.Args;
import org.luahost.vm.ExitHandler;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;
import org.luahost.vm.runtime.Ops;

/**
 * The {@code os} library of Lua 5.4 (manual §6.9), with the reference's
 * results and messages on Linux/glibc in the C locale.
 *
 * <ul>
 * <li>Dates and times ({@code date}, {@code time}, {@code difftime}) are
 * computed by {@link OsDate} in the JVM's default zone (from {@code TZ}).
 * <li>File operations report failures as {@code luaL_fileresult} does: nil,
 * "name: strerror text", errno — Java's exceptions are mapped back to the
 * Linux errno values and glibc messages.
 * <li>When the JVM allows native access ({@code --enable-native-access}),
 * {@code execute}, {@code remove} and {@code rename} call the C library
 * ({@link OsNative}): exact wait statuses ("signal" vs "exit"), errno values
 * and byte-exact file names. Otherwise {@code execute} runs {@code /bin/sh -c}
 * as a Java process (a death by signal N then looks like exit 128+N and is
 * reported as an exit) and the file functions use {@code java.nio.file}, whose
 * paths go through the JVM's locale charset.
 * <li>{@code exit} goes through the state's {@link ExitHandler} when the host set one
 * ({@link org.luahost.vm.LuaStateBuilder#exitHandler}), else
 * {@link System#exit}.
 * <li>{@code setlocale} knows only the locales every glibc has built in:
 * "C" (alias "POSIX") and "C.UTF-8"; luahost behaves as the C locale in all.
 * </ul>
 *
 * <p>The sandboxed profile leaves out {@code execute}, {@code exit},
 * {@code getenv}, {@code remove}, {@code rename} and {@code tmpname}.
 */
public final class OsLib {
    private OsLib() {}

    private static final String[] CATEGORIES = {"all", "collate", "ctype", "monetary", "numeric", "time"};
    private static final String[] CATEGORY_ENV = {"LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MONETARY", "LC_NUMERIC", "LC_TIME"};

    /** Per-state data of the library: the locale names set with setlocale, the zone-name cache. */
    private static final class State {
        /** Current locale name per category (index as CATEGORIES, 0 unused). */
        final String[] locale = {"C", "C", "C", "C", "C", "C"};
        final OsDate.ZoneNames zoneNames = new OsDate.ZoneNames();
    }

    public static void install(LuaState L, Profile profile) {
        LuaTable os = new LuaTable(0, 16);
        State st = new State();
        fn(os, "clock", (th, a) -> new Object[] {cpuSeconds()});
        fn(os, "date", (th, a) -> date(th, a, st));
        fn(os, "difftime", (th, a) -> {
            long t1 = Args.checkInteger(th, a, 1);
            long t2 = Args.checkInteger(th, a, 2);
            long d = t1 - t2;
            boolean overflow = ((t1 ^ t2) & (t1 ^ d)) < 0;
            return new Object[] {overflow ? (double) t1 - (double) t2 : (double) d};
        });
        fn(os, "time", (th, a) -> time(th, a, st));
        fn(os, "setlocale", (th, a) -> setlocale(th, a, st));
        if (profile == Profile.TRUSTED) {
            fn(os, "execute", OsLib::execute);
            fn(os, "exit", OsLib::exit);
            fn(os, "getenv", (th, a) -> {
                String name = Args.checkString(th, a, 1);
                String v = System.getenv(LuaString.toJava(cutAtNul(name)));
                return new Object[] {LuaString.fromJava(v)};
            });
            fn(os, "remove", OsLib::remove);
            fn(os, "rename", OsLib::rename);
            fn(os, "tmpname", OsLib::tmpname);
        }
        MathLib.register(L, "os", os);
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of("os." + name, body));
    }

    /** C sees a Lua string only up to its first NUL. */
    private static String cutAtNul(String s) {
        int z = s.indexOf('\0');
        return z < 0 ? s : s.substring(0, z);
    }

    // ---------------------------------------------------------------- clock

    /** CPU time used by the process, in seconds (C's clock()). */
    private static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long ns = sun.getProcessCpuTime();
            if (ns >= 0) return (ns / 1000) / 1e6;   // clock() counts microseconds
        }
        java.lang.management.ThreadMXBean tm = java.lang.management.ManagementFactory.getThreadMXBean();
        long ns = tm.isCurrentThreadCpuTimeSupported() ? tm.getCurrentThreadCpuTime() : System.nanoTime();
        return (ns / 1000) / 1e6;
    }

    // ---------------------------------------------------------------- date and time

    private static Object[] date(LuaThread th, Object[] a, State st) {
        String s = Args.optString(th, a, 1, "%c");
        long t = Args.isNoneOrNil(a, 2) ? System.currentTimeMillis() / 1000 : Args.checkInteger(th, a, 2);
        int i = 0;
        OsDate.Tm tm;
        if (s.startsWith("!")) {
            tm = OsDate.gmtime(t);
            i = 1;
        } else {
            tm = OsDate.localtime(t, ZoneId.systemDefault(), st.zoneNames);
        }
        if (tm == null) throw th.errorAtLevel("date result cannot be represented in this installation", 1);
        if (cutAtNul(s).substring(i).equals("*t")) {
            LuaTable r = new LuaTable(0, 9);
            setAllFields(th, r, tm);
            return new Object[] {r};
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), Work.CHUNK) + 16);
        int n = s.length(), charged = 0;
        long held = 0;
        org.luahost.vm.Gc gc = th.state.gc();
        try {
            while (i < n) {
                char c = s.charAt(i);
                if (c != '%') {
                    sb.append(c);
                    i++;
                } else {
                    i++;
                    int len = OsDate.conversionLength(s, i);
                    if (len == 0) {
                        throw Args.argError(th, 1, "invalid conversion specifier '%" + cutAtNul(s.substring(i)) + "'");
                    }
                    OsDate.format(sb, s.charAt(i + len - 1), tm);
                    i += len;
                }
                // a long format (%c is 24 bytes out of 2) is work and memory like string.rep's: charged per chunk,
                // so that the budgets and the memory limit stop it while it grows (before, a 20 MB format built a
                // 240 MB result in a session limited to 64 MB, and a loop of them ran 100 s past a 1 s budget)
                if (sb.length() - charged >= Work.CHUNK) {
                    Work.bytes(th, sb.length() - charged);
                    long grown = 2L * (sb.length() - charged);   // the builder doubles its array, copied
                    gc.hold(grown);
                    held += grown;
                    charged = sb.length();
                }
            }
            Work.bytes(th, n);
            gc.chargeString(sb.length());   // the result
            return new Object[] {sb.toString()};
        } finally {
            gc.release(held);
        }
    }

    /** setallfields: writes the broken-down time into a table (with metamethods, as lua_setfield). */
    private static void setAllFields(LuaThread th, Object t, OsDate.Tm tm) {
        set(th, t, "year", tm.year);
        set(th, t, "month", (long) tm.month);
        set(th, t, "day", (long) tm.day);
        set(th, t, "hour", (long) tm.hour);
        set(th, t, "min", (long) tm.min);
        set(th, t, "sec", (long) tm.sec);
        set(th, t, "yday", (long) tm.yday + 1);
        set(th, t, "wday", (long) tm.wday + 1);
        set(th, t, "isdst", tm.isdst);
    }

    private static void set(LuaThread th, Object t, String k, Object v) {
        if (t instanceof LuaTable tab && tab.getMetatable() == null) tab.rawset(k, v);
        else Ops.setindex(th, t, k, v, null);
    }

    private static Object[] time(LuaThread th, Object[] a, State st) {
        if (Args.isNoneOrNil(a, 1)) return new Object[] {System.currentTimeMillis() / 1000};
        Args.checkType(th, a, 1, "table");
        Object t = a[0];
        int year = getField(th, t, "year", -1, 1900);
        int month = getField(th, t, "month", -1, 1);
        int day = getField(th, t, "day", -1, 0);
        int hour = getField(th, t, "hour", 12, 0);
        int min = getField(th, t, "min", 0, 0);
        int sec = getField(th, t, "sec", 0, 0);
        Object dst = Ops.index(th, t, "isdst", null);
        int isdst = dst == null ? -1 : Lua.isTruthy(dst) ? 1 : 0;
        long[] out = new long[1];
        OsDate.Tm tm = OsDate.mktime(year, month, day, hour, min, sec, isdst, ZoneId.systemDefault(), st.zoneNames, out);
        if (tm != null) setAllFields(th, t, tm);
        if (tm == null || out[0] == -1) {
            throw th.errorAtLevel("time result cannot be represented in this installation", 1);
        }
        return new Object[] {out[0]};
    }

    /** A field of the date table as a C int, less delta; d is the default (negative: required). */
    private static int getField(LuaThread th, Object t, String key, int d, int delta) {
        Object v = Ops.index(th, t, key, null);
        Long n = Ops.tointeger(v);
        if (n == null) {
            if (v != null) throw th.errorAtLevel("field '" + key + "' is not an integer", 1);
            if (d < 0) throw th.errorAtLevel("field '" + key + "' missing in date table", 1);
            return d;
        }
        long res = n;
        if (!(res >= 0 ? res - delta <= Integer.MAX_VALUE : Integer.MIN_VALUE + delta <= res)) {
            throw th.errorAtLevel("field '" + key + "' is out-of-bound", 1);
        }
        return (int) (res - delta);
    }

    // ---------------------------------------------------------------- locale

    private static Object[] setlocale(LuaThread th, Object[] a, State st) {
        String name = Args.optString(th, a, 1, null);
        int cat = Args.checkOption(th, a, 2, "all", CATEGORIES);
        if (name == null) return new Object[] {query(st, cat)};
        String resolved = resolveLocale(cutAtNul(name), cat);
        if (resolved == null) return new Object[] {null};
        if (cat == 0) java.util.Arrays.fill(st.locale, resolved);
        else st.locale[cat] = resolved;
        return new Object[] {query(st, cat)};
    }

    /** A locale name as glibc accepts it, or null when it is not available. */
    private static String resolveLocale(String name, int cat) {
        if (name.isEmpty()) {   // from the environment: LC_ALL, then LC_<category>, then LANG
            name = env("LC_ALL");
            if (name == null && cat != 0) name = env(CATEGORY_ENV[cat]);
            if (name == null) name = env("LANG");
            if (name == null) name = "C";
        }
        switch (name) {
            case "C", "POSIX": return "C";
            case "C.UTF-8", "C.utf8": return name;
            default: return null;
        }
    }

    private static String env(String var) {
        String v = System.getenv(var);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The name setlocale(NULL) gives: one name, or glibc's composite list when the categories differ. */
    private static String query(State st, int cat) {
        if (cat != 0) return st.locale[cat];
        boolean same = true;
        for (int i = 2; i < st.locale.length; i++) same &= st.locale[i].equals(st.locale[1]);
        if (same) return st.locale[1];
        String[] order = {"LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES",
                "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION"};
        StringBuilder sb = new StringBuilder();
        for (String c : order) {
            String v = switch (c) {
                case "LC_CTYPE" -> st.locale[2];
                case "LC_NUMERIC" -> st.locale[4];
                case "LC_TIME" -> st.locale[5];
                case "LC_COLLATE" -> st.locale[1];
                case "LC_MONETARY" -> st.locale[3];
                default -> st.locale[0];   // categories Lua cannot set individually follow "all"
            };
            if (sb.length() > 0) sb.append(';');
            sb.append(c).append('=').append(v);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- files

    /** luaL_fileresult for a failure: nil, message, errno. */
    static Object[] fileError(String fname, Exception e) {
        int errno = errno(e);
        String msg = strerror(errno, e);
        return new Object[] {null, fname == null ? msg : cutAtNul(fname) + ": " + msg, (long) errno};
    }

    /** luaL_fileresult from an errno (0: success). */
    private static Object[] errnoResult(String fname, int errno) {
        if (errno == 0) return new Object[] {Boolean.TRUE};
        String msg = null;
        for (Object[] p : ERRNO) if ((Integer) p[0] == errno) msg = (String) p[1];
        if (msg == null) msg = "Unknown error " + errno;
        return new Object[] {null, fname == null ? msg : cutAtNul(fname) + ": " + msg, (long) errno};
    }

    private static final Object[][] ERRNO = {
        {1, "Operation not permitted"}, {2, "No such file or directory"}, {5, "Input/output error"},
        {9, "Bad file descriptor"}, {12, "Cannot allocate memory"}, {13, "Permission denied"},
        {16, "Device or resource busy"}, {17, "File exists"}, {18, "Invalid cross-device link"},
        {20, "Not a directory"}, {21, "Is a directory"}, {22, "Invalid argument"},
        {24, "Too many open files"}, {26, "Text file busy"}, {27, "File too large"},
        {28, "No space left on device"}, {30, "Read-only file system"}, {31, "Too many links"},
        {36, "File name too long"}, {39, "Directory not empty"}, {40, "Too many levels of symbolic links"},
        {10, "No child processes"},
    };

    /** The errno behind a Java I/O exception (Linux numbering). */
    static int errno(Exception e) {
        if (e instanceof NoSuchFileException) return 2;
        if (e instanceof AccessDeniedException) return 13;
        if (e instanceof FileAlreadyExistsException) return 17;
        if (e instanceof DirectoryNotEmptyException) return 39;
        if (e instanceof AtomicMoveNotSupportedException) return 18;
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String r = fse.getReason();
            for (Object[] p : ERRNO) if (r.startsWith((String) p[1])) return (Integer) p[0];
        }
        if (e instanceof InvalidPathException) return 2;
        return 5;
    }

    private static String strerror(int errno, Exception e) {
        for (Object[] p : ERRNO) if ((Integer) p[0] == errno) return (String) p[1];
        String m = e.getMessage();
        return m == null ? "Input/output error" : LuaString.fromJava(m);
    }

    private static Path path(String luaName) {
        String n = cutAtNul(luaName);
        if (n.isEmpty()) throw new InvalidPathException("", "empty");   // C: ENOENT
        return Path.of(LuaString.toJava(n));
    }

    private static Object[] remove(LuaThread th, Object[] a) {
        String name = Args.checkString(th, a, 1);
        if (nativeAccess()) return errnoResult(name, OsNative.remove(name));
        try {
            Files.delete(path(name));
            return new Object[] {Boolean.TRUE};
        } catch (IOException | InvalidPathException e) {
            return fileError(name, e);
        }
    }

    private static Object[] rename(LuaThread th, Object[] a) {
        String from = Args.checkString(th, a, 1);
        String to = Args.checkString(th, a, 2);
        if (nativeAccess()) return errnoResult(null, OsNative.rename(from, to));
        try {
            // ATOMIC_MOVE is rename(2) itself: replaces an existing target as C's rename does
            Files.move(path(from), path(to), StandardCopyOption.ATOMIC_MOVE);
            return new Object[] {Boolean.TRUE};
        } catch (IOException | InvalidPathException e) {
            return fileError(null, e);
        }
    }

    private static Object[] tmpname(LuaThread th, Object[] a) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder sb = new StringBuilder("/tmp/lua_");
            for (int i = 0; i < 6; i++) sb.append(chars.charAt(rnd.nextInt(chars.length())));
            try {
                Files.createFile(Path.of(sb.toString()),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                return new Object[] {sb.toString()};
            } catch (FileAlreadyExistsException e) {
                // try another name, as mkstemp does
            } catch (IOException | UnsupportedOperationException e) {
                break;
            }
        }
        throw th.errorAtLevel("unable to generate a unique filename", 1);
    }

    // ---------------------------------------------------------------- processes

    private static Object[] exit(LuaThread th, Object[] a) {
        int status;
        if (Args.arg(a, 1) instanceof Boolean b) status = b ? 0 : 1;
        else status = (int) Args.optInteger(th, a, 1, 0);
        boolean close = Lua.isTruthy(Args.arg(a, 2));
        LuaState L = th.state;
        if (close) L.close();   // lua_close: pending __close variables of the main thread, then finalizers
        IoLib.flushAll(L);   // C's exit flushes every stream (the io library's files, stdout, stderr)
        ExitHandler h = L.exitHandler();
        if (h != null) {
            h.exit(L, status, close);
            return LuaFunction.NONE;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
        return LuaFunction.NONE;
    }

    private static Object[] execute(LuaThread th, Object[] a) {
        String cmd = Args.optString(th, a, 1, null);
        if (cmd == null) return new Object[] {Boolean.TRUE};   // a shell is available
        // system() does not flush stdout: what io.write left buffered comes out after the child's
        // output, as with the reference (print flushes on its own)
        th.state.stderr.flush();
        cmd = cutAtNul(cmd);
        int status;
        boolean signaled = false;
        if (nativeAccess()) {
            int raw = OsNative.system(cmd);
            if (raw == -1) return errnoResult(null, 10);   // ECHILD, the usual reason
            if ((raw & 0x7f) == 0) status = (raw >> 8) & 0xff;            // WIFEXITED
            else { status = raw & 0x7f; signaled = true; }                 // WTERMSIG
        } else {
            try {
                Process p = new ProcessBuilder("/bin/sh", "-c", LuaString.toJava(cmd)).inheritIO().start();
                status = waitFor(p);
            } catch (IOException e) {
                return fileError(null, e);
            }
        }
        Object ok = !signaled && status == 0 ? Boolean.TRUE : null;
        return new Object[] {ok, signaled ? "signal" : "exit", (long) status};
    }

    /** Whether the JVM grants this code native access (checked before OsNative is initialised). */
    static boolean nativeAccess() {
        return OsLib.class.getModule().isNativeAccessEnabled();
    }

    private static int waitFor(Process p) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return p.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
