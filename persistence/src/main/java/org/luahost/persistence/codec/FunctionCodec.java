package org.luahost.persistence.codec;

import org.luahost.vm.LuaState;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.LuaClosure;

/**
 * The compiled form of Lua functions inside snapshots: how a closure's
 * prototype is written and read back. The snapshot stores each distinct
 * prototype once; closures sharing it are rebuilt around the first one loaded.
 */
public interface FunctionCodec {
    /**
     * The prototype of {@code fn} as bytes (a Lua string, one char per byte).
     * Throws {@link UnsupportedOperationException} with a reason when it cannot be saved.
     */
    String dump(LuaClosure fn);

    /** A closure of the dumped prototype with exactly the given upvalue cells; throws on malformed bytes. */
    LuaClosure load(LuaState L, String bytes, String chunkName, Cell[] upvals);
}
