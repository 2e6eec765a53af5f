/**
 * Lua coroutines on Java virtual threads, and the bridge between Lua and Java
 * futures. Contributes the {@code coroutine} library to every new state.
 */
module org.luahost.coroutines {
    requires transitive org.luahost.vm;

    exports org.luahost.coroutines;

    provides org.luahost.vm.LuaLibrary with org.luahost.coroutines.CoroutineLibrary;
}
