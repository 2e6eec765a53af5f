package org.luahost.persistence.codec;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;

/**
 * The compiled form of Lua functions inside snapshots: how a closure's
 * prototype is written and read back. The snapshot stores each distinct
 * prototype once; closures sharing it are rebuilt around the first one loaded.
 */
public interface FunctionCodec {
    /**
     * The prototype of Lua function {@code fn} as bytes (a Lua string, one char per byte).
     * Throws {@link UnsupportedOperationException} with a reason when it cannot be saved.
     */
    String dump(LuaFunction fn);

    /**
     * A Lua function of the dumped prototype with {@code upvalues} empty upvalue slots,
     * which the caller fills ({@link org.luahost.vm.spi.FunctionImages#setUpvalue});
     * throws on malformed bytes.
     */
    LuaFunction load(LuaState L, String bytes, String chunkName, int upvalues);
}
