package org.luahost.vm.runtime;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.parser.ChunkId;

/** Lua tracebacks in the reference format (luaL_traceback). */
public final class Traceback {
    private Traceback() {}

    private static final int LEVELS1 = 10, LEVELS2 = 11;

    /** "msg\nstack traceback:\n\t..." starting at the given level of th (level 0 = running function). */
    public static String of(LuaThread th, String msg, int level) {
        StringBuilder sb = new StringBuilder();
        if (msg != null) {   // luaL_addstring: the message as a C string, up to its first '\0'
            int z = msg.indexOf('\0');
            sb.append(z < 0 ? msg : msg.substring(0, z)).append('\n');
        }
        sb.append("stack traceback:");
        if (level < 0) return sb.toString();   // no such level: no frames, as lua_getstack says
        int top = th.depth - level;
        int total = top;
        for (int d = top; d >= 1; d--) {
            int lvl = top - d;
            if (total > LEVELS1 + LEVELS2 + 1 && lvl == LEVELS1) {
                // luaL_traceback hides total - 21 levels but says one less
                int skip = total - LEVELS1 - LEVELS2;
                sb.append("\n\t...\t(skipping ").append(skip - 1).append(" levels)");
                d -= skip - 1;
                continue;
            }
            Frame f = th.frame(d);
            sb.append("\n\t");
            if (f.closure != null) {
                sb.append(ChunkId.of(f.closure.proto.source));
                int line = f.currentLine();
                if (line > 0) sb.append(':').append(line);   // a stripped function has no line information
                sb.append(':');
            } else {
                sb.append("[C]:");
            }
            sb.append(" in ").append(describe(th, d, f));
            if (f.tailcall) sb.append("\n\t(...tail calls...)");
        }
        return sb.toString();
    }

    static String describe(LuaThread th, int d, Frame f) {
        String global = globalName(th, f.fn);
        if (global != null) return "function '" + global + "'";
        String[] nm = th.calleeName(d);
        if (nm != null && nm[0] != null) return nm[0] + " '" + nm[1] + "'";
        if (f.closure != null) {
            if (f.closure.proto.isMain()) return "main chunk";
            return "function <" + ChunkId.of(f.closure.proto.source) + ":" + f.closure.proto.line + ">";
        }
        return "?";
    }

    /** pushglobalfuncname: the function's name in package.loaded ("string.rep"; "_G." dropped). */
    public static String globalName(LuaThread th, LuaFunction fn) {
        if (fn == null) return null;
        Object pkg = th.state.globals.rawget("package");
        LuaTable loaded = null;
        if (pkg instanceof LuaTable p && p.rawget("loaded") instanceof LuaTable l) loaded = l;
        if (loaded == null) {
            Object g = th.state.globals;
            return search((LuaTable) g, fn, null);
        }
        Object[] kv = new Object[2];
        Object k = null;
        // _G first, as its names are the shortest
        Object gt = loaded.rawget("_G");
        if (gt instanceof LuaTable g) {
            String r = search(g, fn, null);
            if (r != null) return r;
        }
        while (loaded.next(k, kv)) {
            k = kv[0];
            if (kv[1] instanceof LuaTable mod && k instanceof String name && !name.equals("_G")) {
                String r = search(mod, fn, name);
                if (r != null) return r;
            }
        }
        return null;
    }

    private static String search(LuaTable t, LuaFunction fn, String prefix) {
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            if (kv[1] == fn && k instanceof String s) return prefix == null ? s : prefix + "." + s;
        }
        return null;
    }
}
