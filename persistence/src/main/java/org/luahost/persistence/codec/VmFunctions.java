package org.luahost.persistence.codec;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.spi.FunctionImages;

/**
 * Lua functions' compiled form in snapshots: the VM's function images
 * ({@link FunctionImages#image}, the binary chunks {@code string.dump} makes,
 * with debug information kept so that error messages and tracebacks of a
 * restored function name the same lines), loaded back with empty upvalue
 * slots ({@link FunctionImages#fromImage}).
 */
public final class VmFunctions implements FunctionCodec {
    @Override
    public String dump(LuaFunction fn) {
        return FunctionImages.image(fn);
    }

    @Override
    public LuaFunction load(LuaState L, String bytes, String chunkName, int upvalues) {
        return FunctionImages.fromImage(L, bytes, chunkName, upvalues);
    }
}
