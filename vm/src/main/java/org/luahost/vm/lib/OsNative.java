package org.luahost.vm.lib;

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
 * The C library's {@code system}, {@code remove} and {@code rename}, called
 * through the foreign-function API, for {@link OsLib} to use when the JVM
 * grants native access ({@code --enable-native-access=ALL-UNNAMED}); without
 * it OsLib falls back to Java's process and file APIs.
 *
 * <p>Going to C gives exactly the reference's results: the raw wait status of
 * {@code system} (so a death by signal is told from an exit code), the errno
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
