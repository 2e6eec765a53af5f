package org.luahost.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.luahost.persistence.TestStates.eval;
import static org.luahost.persistence.TestStates.fresh;
import static org.luahost.persistence.TestStates.run;

import org.junit.jupiter.api.Test;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;

/**
 * The host's extra root (format version 3): saved with the globals' value
 * graph, handed back by the restore; a snapshot without one stays version 2.
 */
class ExtraRootTest {
    static int version(byte[] snapshot) { return (snapshot[4] & 0xFF) << 8 | (snapshot[5] & 0xFF); }

    @Test
    void extraRootSharesObjectsWithTheGlobals() {
        LuaState a = fresh();
        Persister pa = Persister.attach(a);
        run(a, "shared = {n = 1}; function cb() shared.n = shared.n + 1; return shared.n end");
        LuaTable extra = new LuaTable();
        LuaTable entry = new LuaTable();
        entry.rawset(1L, a.globals.rawget("cb"));
        entry.rawset(2L, a.globals.rawget("shared"));
        entry.rawset(3L, (Object) 1234L);
        extra.rawset(1L, entry);
        byte[] bytes = pa.capture(UnpersistablePolicy.FAIL, extra).bytes();
        assertEquals(3, version(bytes));

        LuaState b = fresh();
        RestoreReport r = Persister.attach(b).restore(bytes);
        LuaTable e = (LuaTable) r.extra().rawget(1L);
        assertSame(b.globals.rawget("shared"), e.rawget(2L));
        assertEquals(1234L, e.rawget(3L));
        Object[] out = b.call((LuaFunction) e.rawget(1L));
        assertEquals(2L, out[0]);
        assertEquals(2L, eval(b, "shared.n"));
    }

    @Test
    void withoutExtraRootTheSnapshotIsVersion2() {
        LuaState a = fresh();
        Persister pa = Persister.attach(a);
        run(a, "x = 5");
        byte[] bytes = pa.capture().bytes();
        assertEquals(2, version(bytes));
        RestoreReport r = Persister.attach(fresh()).restore(bytes);
        assertNull(r.extra());
    }
}
