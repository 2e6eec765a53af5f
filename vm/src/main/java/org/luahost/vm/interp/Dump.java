package org.luahost.vm.interp;

import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;

/** string.dump and loading binary chunks: luahost's own compiled form (not yet implemented). */
public final class Dump {
    private Dump() {}

    public static String dump(LuaThread th, LuaFunction fn, boolean strip) {
        throw th.errorAtLevel("unable to dump given function", 1);
    }

    public static LuaFunction undump(LuaState L, String chunk, String chunkName, Object env) {
        throw new LuaError(org.luahost.vm.parser.ChunkId.of(chunkName) + ": bad binary format (not a luahost chunk)");
    }
}
