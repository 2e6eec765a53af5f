package org.luahost.vm;

/**
 * A library that other modules contribute to every new state (found with
 * {@link java.util.ServiceLoader}), such as the {@code coroutine} library of
 * the coroutines module. Installed after the libraries of the vm module.
 */
public interface LuaLibrary {
    /** Installs the library into a freshly created state. */
    void install(LuaState state, Profile profile);
}
