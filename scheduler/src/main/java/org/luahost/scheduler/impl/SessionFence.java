package org.luahost.scheduler.impl;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.luahost.persistence.FencedOffException;
import org.luahost.persistence.SessionStore;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;

/**
 * The store side of one live activation per session in a cluster: an
 * activation claims the session in the store ({@link SessionStore#claim})
 * before it loads the snapshot, and saves with the token it got, so a node
 * that lost the session (its lease ran out while it was paused, or two
 * nodes briefly disagreed on the owner) cannot store over what the new
 * owner stores: its save fails with {@link FencedOffException} and
 * {@link SessionSaver#lose} drops the session there.
 *
 * <p>A store without fencing (the default methods fail) still works, with
 * a warning: the cluster's directory alone keeps activations apart, which a
 * pause or a partition can break. Stateless; any thread.
 */
final class SessionFence {
    private SessionFence() {}

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** The claim's token (blocks the virtual thread), or -1 when the store has no fencing. */
    static long claim(SessionStore store, String id) {
        try {
            return store.claim(id).toCompletableFuture().join();
        } catch (CompletionException | CancellationException x) {
            Throwable c = x.getCause() != null ? x.getCause() : x;
            if (c instanceof UnsupportedOperationException) {
                if (WARNED.compareAndSet(false, true)) {
                    Log.STORE.warn("the session store has no fencing ({}): clustered nodes are kept apart by the directory only",
                            c.getMessage());
                }
                return -1;
            }
            throw new SessionException(Kind.PERSISTENCE, "cannot claim session '" + id + "' in the store: " + c.getMessage());
        }
    }

    /** Whether a save failed because a newer claim exists. */
    static boolean fencedOff(Throwable x) {
        for (Throwable t = x; t != null; t = t.getCause()) {
            if (t instanceof FencedOffException) return true;
        }
        return false;
    }
}
