package org.luahost.vm;

/**
 * What {@code os.exit} does in a state whose host set one
 * ({@link LuaStateBuilder#exitHandler}); without one it exits the JVM. When
 * it is called, the state is already closed if {@code close} was asked, and
 * the io library's streams are flushed. It runs on the thread running the
 * Lua code and should not return normally (throw, or stop the thread).
 */
@FunctionalInterface
public interface ExitHandler {
    void exit(LuaState L, int status, boolean close);
}
