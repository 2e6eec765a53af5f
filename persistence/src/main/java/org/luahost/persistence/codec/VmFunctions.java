package org.luahost.persistence.codec;

import org.luahost.vm.LuaState;
import org.luahost.vm.chunk.Dump;
import org.luahost.vm.parser.Ast;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.LuaClosure;

/**
 * Lua functions' compiled form in snapshots: the VM's binary chunks
 * ({@link Dump#dumpClosure}, the form {@code string.dump} makes, with debug
 * information kept so that error messages and tracebacks of a restored
 * function name the same lines), loaded back around the given upvalue cells
 * ({@link Dump#loadClosure}).
 */
public final class VmFunctions implements FunctionCodec {
    @Override
    public String dump(LuaClosure fn) {
        if (!(fn.proto.ast instanceof Ast.FuncBody)) {
            throw new UnsupportedOperationException("it has no syntax tree to save");
        }
        try {
            return Dump.dumpClosure(fn, false);
        } catch (IllegalStateException e) {
            throw new UnsupportedOperationException(e.getMessage());
        }
    }

    @Override
    public LuaClosure load(LuaState L, String bytes, String chunkName, Cell[] upvals) {
        return Dump.loadClosure(L, bytes, chunkName, upvals);
    }
}
