package org.luahost.vm;

/**
 * Which libraries a state gets, chosen when it is created.
 *
 * <ul>
 * <li>{@link #TRUSTED}: everything, as the reference {@code lua5.4} has it.
 * <li>{@link #SANDBOXED}: for code the host does not fully trust: no {@code io},
 * no {@code os.execute/exit/remove/rename/tmpname/getenv}, no {@code loadfile}
 * or {@code dofile}, {@code load} takes text only, {@code debug} has only
 * {@code traceback}, and {@code require}
 * reads only modules the host allows. What is left out is absent, not a
 * function that fails later.
 * </ul>
 */
public enum Profile { TRUSTED, SANDBOXED }
