package org.luahost.vm.nodes;

import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.LuaClosure;

/**
 * A block compiled by the second tier ({@link Jit}): the generated hidden class
 * extends this one. Besides {@code exec} (the block's statements), a unit that
 * is a function body has entries that make a whole call of that function with
 * the unit as its body, as {@link LuaClosure#call1} and its siblings do: the
 * frame entered with the arguments bound, {@link LuaClosure#begin}, this
 * unit's {@code exec} (a call HotSpot sees as exact, so each function's entry
 * has its own profile and may inline its body), then {@link LuaClosure#end1}
 * or {@link LuaClosure#endAll}. A compiled call site calls these entries when its
 * callee is a closure whose body is this unit ({@code JitExprs.boundCall}), from an
 * invokevirtual of its own: a site that sees one function has one receiver class in
 * its profile, so HotSpot calls that unit's entry directly or inlines it.
 */
abstract class Unit extends Stat {
    protected Unit(int line) { super(line); }

    /** A call of closure c (whose body this unit is) without arguments; its first result. */
    abstract Object c0(LuaClosure c, LuaThread th);

    abstract Object c1(LuaClosure c, LuaThread th, Object a);

    abstract Object c2(LuaClosure c, LuaThread th, Object a, Object b);

    abstract Object c3(LuaClosure c, LuaThread th, Object a, Object b, Object d);

    /** A call with exact arguments; its first result. */
    abstract Object cN(LuaClosure c, LuaThread th, Object[] args);

    /** A call with exact arguments; all its results. */
    abstract Object[] iN(LuaClosure c, LuaThread th, Object[] args);
}
