package org.luahost.vm;

/**
 * A stream given to a state as its stdout or stderr
 * ({@link LuaStateBuilder#stdout}) may implement this to be asked before a
 * piece of output is built: {@code print} asks with its line's length before
 * it joins the line, and a write of a Lua string ({@code io.write}) before
 * it copies the string's bytes. A piece the budget refuses is neither built
 * nor written; one it admits is written with a single write of exactly that
 * many bytes, which the stream must not charge a second time. A host with a
 * per-session output budget (luahost serve) drops most of a flooding
 * session's output, and building each dropped line first cost about five
 * times its size in garbage (20 sessions printing 20 MB each: the young
 * collections of that paused every session).
 *
 * <p>Threads: called on the thread running the state.
 */
public interface OutputBudget {
    /** Whether a piece of bytes bytes may be written now (it is dropped, and counted by the budget, if not). */
    boolean admit(long bytes);
}
