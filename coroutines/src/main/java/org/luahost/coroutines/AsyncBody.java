package org.luahost.coroutines;

import java.util.concurrent.CompletionStage;

import org.luahost.vm.LuaThread;

/**
 * The Java body of a Lua function made with {@link Async#function}: it starts
 * some asynchronous work and returns at once with a stage of its results.
 * Runs on the calling Lua thread, holding the state's turn, so it may read its
 * Lua arguments and use the state; it must not block. A Vert.x
 * {@code Future} is returned as {@code future.toCompletionStage()}.
 *
 * <p>The stage's value becomes the Lua results: an {@code Object[]} gives
 * one result per element, {@code null} gives no results, anything else one
 * result; each is converted with {@link Values#toLua}. A failed stage raises a
 * Lua error with the exception's message (see {@link Async#await}).
 */
@FunctionalInterface
public interface AsyncBody {
    CompletionStage<?> call(LuaThread th, Object[] args) throws Exception;
}
