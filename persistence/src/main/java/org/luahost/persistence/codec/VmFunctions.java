package org.luahost.persistence.codec;

import org.luahost.vm.LuaState;
import org.luahost.vm.interp.Cell;
import org.luahost.vm.interp.LuaClosure;

/**
 * Lua functions' compiled form in snapshots, from the VM's dump support.
 *
 * <p>NOTE: the VM's function dump ({@code org.luahost.vm.interp.Dump}) has
 * not landed yet; until it does, a Lua function reachable from the globals
 * cannot be saved and capture reports where it is.
 */
public final class VmFunctions implements FunctionCodec {
    @Override
    public String dump(LuaClosure fn) {
        throw new UnsupportedOperationException("saving Lua functions needs the VM's function dump, not available yet");
    }

    @Override
    public LuaClosure load(LuaState L, String bytes, String chunkName, Cell[] upvals) {
        throw new IllegalArgumentException("this luahost cannot load saved Lua functions yet");
    }
}
