package org.luahost.cli;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;
import org.luahost.vm.lib.BaseLib;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Traceback;

/** The luahost command (minimal bootstrap version: `lua script` and `lua -e stat`). */
public final class Main {
    public static void main(String[] args) throws Exception {
        int[] status = {0};
        Thread t = new Thread(null, () -> status[0] = run(args), "lua", 1L << 30);
        t.start();
        t.join();
        System.exit(status[0]);
    }

    static int run(String[] args) {
        LuaState L = LuaState.create(Profile.TRUSTED);
        try {
            String src = args[1];
            JavaFunction pmain = JavaFunction.of(null, (th, a) -> {
                LuaFunction f = src.equals("-e") ? th.state.load(args[2], "=(command line)", "bt", null)
                        : BaseLib.loadFile(th.state, src, "bt", false, null);
                JavaFunction handler = JavaFunction.of(null, (th2, m) -> {
                    Object msg = m.length > 0 ? m[0] : null;
                    String s = msg instanceof String str ? str : Ops.tostring(th2, msg);
                    return new Object[] {Traceback.of(th2, s, 1)};
                });
                Object[] r = BaseLib.protectedCall(th, f, LuaFunction.NONE, handler);
                if (r[0] == Boolean.FALSE) throw new LuaError(r[1]);
                return LuaFunction.NONE;
            });
            pmain.invoke(L.mainThread, LuaFunction.NONE);
            L.stdout.flush();
            return 0;
        } catch (LuaError e) {
            L.stdout.flush();
            System.err.print("lua: " + e.getMessage() + "\n");
            System.err.flush();
            return 1;
        }
    }
}
