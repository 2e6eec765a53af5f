package org.luahost.vm.spi;

/**
 * An upvalue cell: the box a captured local lives in, shared by the function
 * that declared the local and every closure that captured it. Identity
 * matters: two closures see each other's assignments exactly when they hold
 * the same cell, so a walker that copies closures (the serializer) keeps
 * cells as objects of their own and shares them as they were shared.
 *
 * <p>A cell belongs to its state: read and write it only on the thread that
 * runs the state.
 */
public interface Upvalue {
    /** The variable's current value (null: nil). */
    Object get();

    /** Assigns the variable. */
    void set(Object v);
}
