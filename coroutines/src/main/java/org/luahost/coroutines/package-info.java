/**
 * The {@code coroutine} library on Java virtual threads, and the bridge
 * between Lua and Java futures (see DESIGN.md, "Coroutines").
 *
 * <h2>Public API</h2>
 * <ul>
 * <li>{@link org.luahost.coroutines.Async}: Lua waits on Java
 *     ({@code await}, {@code function}), Java calls Lua for a future
 *     ({@code call}, {@code execute}), wait deadlines, the optional Lua
 *     library {@code async} ({@code sleep}, {@code timeout}).</li>
 * <li>{@link org.luahost.coroutines.Hosting}: per state, the thread factory
 *     Lua code runs on, the state's turn, and the
 *     {@link org.luahost.coroutines.WaitPolicy} (keep the turn while waiting,
 *     the default, or interleave).</li>
 * <li>{@link org.luahost.coroutines.Carrier}: one platform thread that
 *     carries a state's virtual threads (fast switches, a chosen stack size);
 *     {@code Carrier.virtualThreads(executor, name)} for a host's own scheduler.</li>
 * <li>{@link org.luahost.coroutines.Values} and
 *     {@link org.luahost.coroutines.UserdataType}: the documented conversions
 *     between Java and Lua values, and the explicit exposure of Java objects
 *     as userdata (no reflection).</li>
 * <li>{@link org.luahost.coroutines.CoroutineLibrary} and
 *     {@link org.luahost.coroutines.Coroutine}: the library and the Lua value
 *     of a coroutine.</li>
 * </ul>
 *
 * <h2>Waiting without blocking</h2>
 * A Lua thread is a Java thread (the main chunk's, a call's, or a
 * coroutine's virtual thread). To wait on a future it parks that virtual
 * thread ({@code CompletableFuture.get}); the completion, on whatever thread it
 * happens (an event loop, a pool), only unparks it, and Lua continues on its
 * own virtual thread. Waiting on a platform thread is refused with a Lua
 * error, so an event loop (a platform thread) can never be the blocked
 * thread, even if a host mistakenly runs Lua on it.
 *
 * <h2>Vert.x</h2>
 * This module does not depend on Vert.x (DESIGN.md: {@code vm} only): an async
 * body returns a {@link java.util.concurrent.CompletionStage}, and a Vert.x
 * {@code Future} is passed as {@code future.toCompletionStage()}. Nothing
 * here needs to know the context: the completion only unparks a virtual
 * thread, and a host that wants to continue on its context after
 * {@code Async.call} hops there itself ({@code ctx.runOnContext}). Vert.x is
 * a test dependency, to check the bridge inside a real context.
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>One Lua coroutine is one virtual thread while it lives, started (or,
 *     when the JVM does not track all virtual threads, taken from the threads
 *     of finished coroutines: {@link org.luahost.coroutines.Worker}) at its first resume.
 *     {@code resume} hands the turn to the coroutine's thread and parks the
 *     caller; {@code yield} hands it back ({@link org.luahost.coroutines.Baton}
 *     documents the protocol: a volatile turn flag, park/unpark only to
 *     sleep and wake). Exactly one thread of a state runs at a time, so the
 *     VM takes no locks; the state's current thread is switched by the resumer
 *     ({@code org.luahost.vm.spi.Threads.switchTo}).</li>
 * <li>A yield crosses anything, because the coroutine is a real thread:
 *     pcall, metamethods, iterators, Java functions that call Lua, and also
 *     what the reference's C functions cannot yield across (table.sort
 *     comparators, string.gsub callbacks, {@code __tostring}, load readers).
 *     The only "attempt to yield across a C-call boundary" are a yield from a
 *     {@code __close} handler run by {@code coroutine.close}, from a
 *     {@code load} reader and from a debug hook function, as in the
 *     reference. {@code coroutine.isyieldable()} is therefore true in every
 *     coroutine (the reference says false inside a sort comparator).</li>
 * <li>The frames of a suspended coroutine stay on its
 *     {@link org.luahost.vm.LuaThread} while its thread is parked, so
 *     tracebacks of suspended coroutines work; a coroutine that died in error
 *     keeps its frames until it is closed, as in the reference.</li>
 * <li>Errors leaving a coroutine do not run its pending {@code __close}
 *     handlers at once: the coroutine's thread waits inside the innermost
 *     to-be-closed variable (the VM's {@code LuaThread.errorAtTbc} hook) until
 *     {@code coroutine.close} (or the wrap function) lets it close them, with
 *     the error, as the reference does. Closing a suspended coroutine makes its
 *     yield throw a private error whose value is nil; the protected calls the
 *     coroutine was suspended in do not catch it ({@code Threads.setProtectedFloor}).</li>
 * <li>Deep recursion inside a coroutine ends in the Lua error
 *     {@code stack overflow}: the VM's frame limit normally fires first; a
 *     {@link java.lang.StackOverflowError} reaching the coroutine's boundary
 *     becomes the same Lua error.</li>
 * <li>Nested resumes fail with "C stack overflow" at the reference's depth.</li>
 * </ul>
 *
 * <h2>Unreachable coroutines</h2>
 * Lua code holds a {@link org.luahost.coroutines.Coroutine} handle; the
 * coroutine's thread holds only its {@link org.luahost.vm.LuaThread}, never
 * the handle. With {@code -Djdk.trackAllThreads=false} (which {@code ./luahost}
 * should pass) a parked virtual thread is referenced by nothing but its
 * coroutine, so an unreachable suspended coroutine is collected with its
 * thread, even when its own stack references its handle. With the JDK default
 * (all virtual threads tracked for thread dumps) a cleaner on the handle
 * queues the parked thread and the state ends it at its next create or
 * resume ({@link org.luahost.coroutines.Reaper}); a coroutine whose own stack
 * references its handle is not released in that mode.
 *
 * <h2>Carriers and JVM options</h2>
 * A coroutine switch is an unpark and a park of virtual threads. On the JDK's
 * shared scheduler the woken thread may move to another core; a
 * {@link org.luahost.coroutines.Carrier} runs all of a state's virtual threads
 * on one platform thread instead (measured by {@code bench}'s
 * {@code CoroutineCpuTime} on a loaded 2-core machine: a Lua resume/yield
 * round trip costs about 400 ns of CPU on a carrier, 1.3 times a raw
 * virtual-thread hand-off there, against about 800 ns on the shared
 * scheduler), and its own stack size bounds Lua recursion in those threads.
 * {@code ./luahost} runs the main chunk and its coroutines on one carrier.
 * <ul>
 * <li>{@code --add-opens=java.base/java.lang=ALL-UNNAMED}: lets a
 *     {@code Carrier} schedule virtual threads (without it they run on the
 *     JDK's scheduler).</li>
 * <li>{@code -Xss1g} (at least 256m) when Lua runs on the JDK's scheduler:
 *     its carrier threads get the default thread stack size, and a mounted
 *     virtual thread runs on its carrier's stack. With the 1 MB default a
 *     coroutine reaches only about 1,500 Lua frames before a Java stack
 *     overflow (which still ends as the Lua error "stack overflow").</li>
 * <li>{@code -Djdk.trackAllThreads=false}: see above.</li>
 * </ul>
 */
package org.luahost.coroutines;
