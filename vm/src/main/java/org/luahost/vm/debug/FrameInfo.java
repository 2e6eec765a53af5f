package org.luahost.vm.debug;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.parser.ChunkId;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.Proto;

/**
 * What {@code debug.getinfo} tells about a function or a running frame, as
 * the reference's {@code lua_getinfo} does: the frame at a level of a
 * thread's stack, and the table of the fields an option string asks for.
 * The data comes from the prototype ({@link Proto}: source, lines, the
 * active lines the compiler recorded), the closure (upvalues) and the frame
 * (current line, tail call, the name the caller used). Runs on the thread
 * that owns the frames.
 */
public final class FrameInfo {
    private FrameInfo() {}

    /** The options getinfo accepts. */
    public static final String OPTIONS = "SlnrtuLf";

    /** The frame at a level of t (0: its top frame), or null when the level is out of range. */
    public static Frame frameAt(LuaThread t, long level) {
        if (level < 0 || level >= t.depth) return null;
        return t.frame((int) (t.depth - level));
    }

    /**
     * The getinfo table of fn for the (already checked) options; f is fn's
     * running frame on thread t, or null when getinfo was given a function.
     */
    public static LuaTable of(LuaThread t, LuaFunction fn, Frame f, String options) {
        LuaTable r = new LuaTable(0, 16);
        LuaClosure cl = fn instanceof LuaClosure c ? c : null;
        Proto p = cl == null ? null : cl.proto;
        if (options.indexOf('S') >= 0) source(r, p);
        if (options.indexOf('l') >= 0) {
            r.rawset("currentline", f == null || f.closure == null ? -1L : (long) f.currentLine());
        }
        if (options.indexOf('u') >= 0) {
            r.rawset("nups", cl != null ? (long) cl.upvals.length
                    : fn instanceof org.luahost.vm.JavaFunction jf ? (long) jf.upvalues().length : 0L);
            r.rawset("nparams", p == null ? 0L : (long) p.nparams);
            r.rawset("isvararg", p == null || p.vararg);
        }
        if (options.indexOf('n') >= 0) {
            String[] nm = f == null ? null : t.calleeName(f.depth);
            if (nm != null && nm[0] != null) {
                r.rawset("name", nm[1]);
                r.rawset("namewhat", nm[0]);
            } else {
                r.rawset("namewhat", "");
            }
        }
        if (options.indexOf('r') >= 0) {
            long[] tr = DebugHook.transferOf(t, f);
            r.rawset("ftransfer", tr[0]);
            r.rawset("ntransfer", tr[1]);
        }
        if (options.indexOf('t') >= 0) r.rawset("istailcall", f != null && f.tailcall);
        if (options.indexOf('L') >= 0 && p != null) r.rawset("activelines", activeLines(p));
        if (options.indexOf('f') >= 0) r.rawset("func", fn);
        return r;
    }

    private static void source(LuaTable r, Proto p) {
        String source = p == null ? "=[C]" : p.source;
        r.rawset("source", source);
        r.rawset("short_src", p == null ? "[C]" : ChunkId.of(source));
        r.rawset("linedefined", p == null ? -1L : (long) p.line);
        r.rawset("lastlinedefined", p == null ? -1L : p.isMain() ? 0L : (long) p.lastLine);
        r.rawset("what", p == null ? "C" : p.isMain() ? "main" : "Lua");
    }

    /** The set of p's lines that have code, as the compiler recorded them (empty when stripped). */
    public static LuaTable activeLines(Proto p) {
        int[] lines = p.stripped ? new int[0] : p.activeLines;
        LuaTable t = new LuaTable(0, lines.length);
        for (int l : lines) if (l > 0) t.rawset((long) l, Boolean.TRUE);
        return t;
    }
}
