package org.luahost.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.persistence.TestStates.eval;
import static org.luahost.persistence.TestStates.fresh;
import static org.luahost.persistence.TestStates.roundTrip;
import static org.luahost.persistence.TestStates.run;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaUserdata;

class SerializerTest {

    @Test
    void numbersBooleansAndStrings() {
        LuaState b = roundTrip("""
                i0, i1, imin, imax, ineg = 0, 1, math.mininteger, math.maxinteger, -123456789012
                f, fz, fnz, finf, fninf, fint = 1.5, 0.0, -0.0, 1/0, -1/0, 3.0
                t, fl = true, false
                empty = ''
                local bytes = {} for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
                all = table.concat(bytes)
                """);
        assertEquals(0L, eval(b, "i0"));
        assertEquals(1L, eval(b, "i1"));
        assertEquals(Long.MIN_VALUE, eval(b, "imin"));
        assertEquals(Long.MAX_VALUE, eval(b, "imax"));
        assertEquals(-123456789012L, eval(b, "ineg"));
        assertEquals(1.5, eval(b, "f"));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits((Double) eval(b, "fz")));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) eval(b, "fnz")));
        assertEquals(Double.POSITIVE_INFINITY, eval(b, "finf"));
        assertEquals(Double.NEGATIVE_INFINITY, eval(b, "fninf"));
        assertEquals(3.0, eval(b, "fint"));   // stays a float
        assertEquals(Boolean.TRUE, eval(b, "t"));
        assertEquals(Boolean.FALSE, eval(b, "fl"));
        assertEquals("", eval(b, "empty"));
        String all = (String) eval(b, "all");
        assertEquals(256, all.length());
        for (int i = 0; i < 256; i++) assertEquals(i, all.charAt(i));
    }

    @Test
    void nanPayloadsAreBitExact() {
        long[] payloads = {0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff0000000000001L, 0x7ff8dead0000beefL, 0xffffffffffffffffL};
        LuaState a = fresh();
        Persister pa = Persister.attach(a);
        LuaTable t = new LuaTable();
        for (int i = 0; i < payloads.length; i++) t.rawset(i + 1L, (Object) Double.longBitsToDouble(payloads[i]));
        a.setGlobal("nans", t);
        LuaState b = fresh();
        Persister.attach(b).restore(pa.capture().bytes());
        LuaTable r = (LuaTable) b.getGlobal("nans");
        for (int i = 0; i < payloads.length; i++) {
            assertEquals(payloads[i], Double.doubleToRawLongBits((Double) r.rawget(i + 1L)), "payload " + i);
        }
    }

    @Test
    void cyclesAndSharedReferencesKeepIdentity() {
        LuaState b = roundTrip("""
                a = {name = 'a'}
                b = {name = 'b', other = a}
                a.other = b
                a.self = a
                alias = a
                list = {a, b, a}
                keyed = {[a] = 'value of a', [b] = 'value of b'}
                """);
        assertEquals(Boolean.TRUE, eval(b, "alias == a and a.self == a and a.other == b and b.other == a"));
        assertEquals(Boolean.TRUE, eval(b, "list[1] == a and list[2] == b and list[3] == a"));
        assertEquals(Boolean.TRUE, eval(b, "keyed[a] == 'value of a' and keyed[b] == 'value of b'"));
    }

    @Test
    void metatablesAndLengthOfTablesWithHoles() {
        LuaState b = roundTrip("""
                local mt = {__index = {greeting = 'hi'}, kind = 'point'}
                p = setmetatable({x = 1}, mt)
                q = setmetatable({}, mt)
                holes = {1, 2, nil, 4, nil, nil, 7, 8}
                holes[20] = 20
                mixed = {10, 20, 30, x = 'x', [1.5] = 'f', [true] = 't', [-1] = 'neg'}
                """);
        assertEquals("hi", eval(b, "p.greeting"));
        assertEquals(Boolean.TRUE, eval(b, "getmetatable(p) == getmetatable(q) and getmetatable(p).kind == 'point'"));
        LuaState ref = fresh();
        run(ref, "holes = {1, 2, nil, 4, nil, nil, 7, 8} holes[20] = 20");
        assertEquals(eval(ref, "#holes"), eval(b, "#holes"));
        assertEquals(Boolean.TRUE, eval(b, "mixed[3] == 30 and mixed.x == 'x' and mixed[1.5] == 'f' and mixed[true] == 't' and mixed[-1] == 'neg'"));
        assertEquals(3L, eval(b, "#mixed"));
    }

    @Test
    void libraryValuesAreReferencesByName() {
        LuaState b = roundTrip("""
                p = print
                s = string
                fmt = string.format
                g = _G
                obj = setmetatable({}, {__index = string})
                string.answer = 42
                math.pi = nil
                """);
        assertSame(b.getGlobal("print"), b.getGlobal("p"));
        assertSame(b.getGlobal("string"), b.getGlobal("s"));
        assertSame(b.globals, b.getGlobal("g"));
        assertEquals(Boolean.TRUE, eval(b, "fmt == string.format and obj.format == string.format"));
        assertEquals(42L, eval(b, "string.answer"));
        assertNull(eval(b, "math.pi"));
    }

    @Test
    void removedAndReplacedGlobalsAndGlobalsMetatable() {
        LuaState b = roundTrip("""
                print = nil
                tostring = 'not a function any more'
                setmetatable(_G, {__index = {fallback = 'from metatable'}})
                """);
        assertNull(b.getGlobal("print"));
        assertEquals("not a function any more", b.getGlobal("tostring"));
        assertEquals("from metatable", eval(b, "fallback"));
    }

    @Test
    void deepLinkedListOfAMillionNodes() {
        LuaState b = roundTrip("""
                local head
                for i = 1, 1000000 do head = {next = head, v = i} end
                list = head
                """);
        assertEquals(1000000L, eval(b, "list.v"));
        Object[] r = run(b, "local n, s, node = 0, 0, list while node do n = n + 1 s = s + node.v node = node.next end return n, s");
        assertEquals(1000000L, r[0]);
        assertEquals(500000500000L, r[1]);
    }

    @Test
    void threadIsNamedByItsPath() {
        LuaState a = fresh();
        Persister p = Persister.attach(a);
        run(a, "players = {{}, {}, {name = 'c', co = coroutine.create(function() end)}}");
        UnpersistableValueException e = assertThrows(UnpersistableValueException.class, p::capture);
        assertEquals("cannot persist a thread at _G.players[3].co", e.getMessage());
        assertEquals("_G.players[3].co", e.path());
    }

    @Test
    void unnamedJavaFunctionAndJavaObjectsAreNamed() {
        LuaState a = fresh();
        Persister p = Persister.attach(a);
        run(a, "it = {['odd key'] = {string.gmatch('a b', '%a')}}");
        UnpersistableValueException e = assertThrows(UnpersistableValueException.class, p::capture);
        assertTrue(e.getMessage().endsWith(" at _G.it[\"odd key\"][1]"), e.getMessage());
        assertTrue(e.what().contains("Java function"), e.what());

        LuaState c = fresh();
        Persister pc = Persister.attach(c);
        c.setGlobal("box", new LuaUserdata(new StringBuilder("x"), null));
        e = assertThrows(UnpersistableValueException.class, pc::capture);
        assertEquals("cannot persist a userdata (java.lang.StringBuilder) without a registered codec at _G.box", e.getMessage());
    }

    @Test
    void javaFunctionsTheHostProvidedAtStartAreReferences() {
        LuaState a = fresh();
        JavaFunction hello = JavaFunction.of("hello", (th, args) -> JavaFunction.ret("hi"));
        a.setGlobal("host", tableWith("hello", hello));
        Persister pa = Persister.attach(a);
        run(a, "h = host.hello; late = {}");
        a.setGlobal("late", JavaFunction.of("late", (th, args) -> LuaFunction.NONE));
        UnpersistableValueException e = assertThrows(UnpersistableValueException.class, pa::capture);
        assertEquals("cannot persist a Java function ('late') the host did not provide at start at _G.late", e.getMessage());
        run(a, "late = nil");
        byte[] snap = pa.capture().bytes();

        LuaState b = fresh();
        JavaFunction hello2 = JavaFunction.of("hello", (th, args) -> JavaFunction.ret("hi again"));
        b.setGlobal("host", tableWith("hello", hello2));
        Persister.attach(b).restore(snap);
        assertSame(hello2, b.getGlobal("h"));

        LuaState c = fresh();   // a host without 'host': another library set, restored only when allowed
        ProfileMismatchException pm = assertThrows(ProfileMismatchException.class, () -> Persister.attach(c).restore(snap));
        assertTrue(pm.getMessage().startsWith("the snapshot was made under the trusted profile with other libraries or host functions"),
                pm.getMessage());
        RestoreReport r = Persister.of(c).restore(snap, true);   // the reference cannot be bound
        assertNull(c.getGlobal("h"));
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).endsWith("restored into a trusted state because a change of profile is allowed"), r.warnings().get(0));
        assertEquals("host value 'host.hello' no longer exists; restored as nil", r.warnings().get(1));
    }

    @Test
    void aLibrarySetThatOnlyGrewRestoresWithAWarning() {
        // a newer luahost (or host) with one more host function: same profile, every saved reference binds
        LuaState a = fresh();
        JavaFunction hello = JavaFunction.of("hello", (th, args) -> JavaFunction.ret("hi"));
        a.setGlobal("host", tableWith("hello", hello));
        Persister pa = Persister.attach(a);
        run(a, "h = host.hello; n = 42");
        byte[] snap = pa.capture().bytes();

        LuaState b = fresh();
        LuaTable host = tableWith("hello", JavaFunction.of("hello", (th, args) -> JavaFunction.ret("hi again")));
        host.rawset("log", JavaFunction.of("log", (th, args) -> LuaFunction.NONE));
        b.setGlobal("host", host);
        RestoreReport r = Persister.attach(b).restore(snap);
        assertSame(host.rawget("hello"), b.getGlobal("h"));
        assertEquals(42L, b.getGlobal("n"));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("the snapshot was made under the trusted profile with other libraries or host functions")
                && r.warnings().get(0).endsWith("; restored because every host value it refers to exists here"), r.warnings().get(0));
    }

    @Test
    void skipPolicyLeavesOutWithWarnings() {
        LuaState a = fresh();
        Persister p = Persister.attach(a);
        run(a, """
                keep = 1
                co = coroutine.create(print)
                t = {co, 2, [coroutine.create(print)] = 'key is a thread', x = 'x'}
                """);
        Snapshot s = p.capture(UnpersistablePolicy.SKIP_WITH_WARNING);
        // one warning per value: t[1] is the same thread as co
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().contains("skipped a thread at _G.co"), s.warnings().toString());
        assertTrue(s.warnings().contains("skipped a thread at _G.t(key)"), s.warnings().toString());
        LuaState b = fresh();
        Persister.attach(b).restore(s.bytes());
        assertEquals(Boolean.TRUE, eval(b, "keep == 1 and co == nil and t[1] == nil and t[2] == 2 and t.x == 'x'"));
        assertEquals(2L, eval(b, "(function() local n = 0 for _ in pairs(t) do n = n + 1 end return n end)()"));
    }

    @Test
    void userdataWithARegisteredCodec() {
        UserdataCodec<StringBuilder> codec = new UserdataCodec<>() {
            public String name() { return "test.sb"; }
            public Class<StringBuilder> type() { return StringBuilder.class; }
            public byte[] encode(StringBuilder sb) { return sb.toString().getBytes(StandardCharsets.UTF_8); }
            public StringBuilder decode(byte[] b) { return new StringBuilder(new String(b, StandardCharsets.UTF_8)); }
        };
        LuaState a = fresh();
        Persister pa = Persister.attach(a).register(codec);
        LuaUserdata u = new LuaUserdata(new StringBuilder("payload é"), null);
        u.userValue = "uv";
        a.setGlobal("u", u);
        run(a, "u2 = u; debug.setmetatable(u, {kind = 'sb'})");
        LuaState b = fresh();
        Persister.attach(b).register(codec).restore(pa.capture().bytes());
        LuaUserdata r = (LuaUserdata) b.getGlobal("u");
        assertSame(r, b.getGlobal("u2"));
        assertEquals("payload é", r.payload().toString());
        assertEquals("uv", r.userValue);
        assertEquals("sb", r.metatable.rawget("kind"));

        LuaState c = fresh();
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> Persister.attach(c).restore(pa.capture().bytes()));
        assertEquals("cannot restore a userdata: no codec named 'test.sb' is registered", e.getMessage());
    }

    @Test
    void aFailedRestoreLeavesTheStateUnchanged() {
        LuaState a = fresh();
        Persister pa = Persister.attach(a);
        run(a, "x = 1; t = {1, 2, 3, name = 'n'}");
        byte[] snap = pa.capture().bytes();
        LuaState b = fresh();
        Persister pb = Persister.attach(b);
        byte[] cut = java.util.Arrays.copyOf(snap, snap.length - 1);
        assertThrows(CorruptSnapshotException.class, () -> pb.restore(cut));
        assertNull(b.getGlobal("x"));
        assertNull(b.getGlobal("t"));
    }

    @Test
    void captureIsDeterministic() {
        String setup = "t = {1, 2, {3, 4}, x = 'y', [5.5] = true}; u = t[3]; s = 'shared'; s2 = 'shared'";
        LuaState a = fresh();
        Persister pa = Persister.attach(a);
        run(a, setup);
        assertArrayEquals(pa.capture().bytes(), pa.capture().bytes());
        Snapshot before = pa.capture();
        assertTrue(before.sameContentAs(pa.capture()));
        run(a, "t.x = 'changed'");
        assertTrue(!before.sameContentAs(pa.capture()));
    }

    private static LuaTable tableWith(String k, Object v) {
        LuaTable t = new LuaTable();
        t.rawset(k, v);
        return t;
    }
}
