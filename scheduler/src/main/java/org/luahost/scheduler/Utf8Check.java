package org.luahost.scheduler;

import io.vertx.core.buffer.Buffer;

/**
 * Checks that the bytes of one WebSocket text message, fed fragment by
 * fragment, are well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), as RFC 6455 (8.1) requires of a
 * text message: an endpoint that receives invalid UTF-8 fails the
 * connection (close code 1007). A character may be split between two
 * fragments, so the check keeps its state from one {@link #feed} to the
 * next; {@link #complete} tells whether the message ended on a character
 * boundary. Without it Vert.x decodes the bytes with replacement
 * characters and the session sees text the client did not send.
 *
 * <p>Threads: one connection's event loop (not thread-safe).
 */
final class Utf8Check {
    /** Continuation bytes still expected by the character being read. */
    private int need;
    /** The range the next continuation byte must fall in (narrower after E0, ED, F0, F4). */
    private int lo = 0x80, hi = 0xBF;

    /** Starts a new message. */
    void reset() {
        need = 0;
        lo = 0x80;
        hi = 0xBF;
    }

    /** Feeds the bytes of one fragment; false as soon as they cannot be UTF-8. */
    boolean feed(Buffer b) {
        for (int i = 0, n = b.length(); i < n; i++) {
            if (!feed(b.getByte(i) & 0xFF)) return false;
        }
        return true;
    }

    /** Whether the bytes fed end on a character boundary (the last fragment of a message). */
    boolean complete() { return need == 0; }

    private boolean feed(int c) {
        if (need == 0) {
            if (c < 0x80) return true;
            if (c < 0xC2) return false;   // a continuation byte, or an overlong two-byte form
            if (c < 0xE0) return expect(1, 0x80, 0xBF);
            if (c < 0xF0) return expect(2, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF);   // overlong; surrogates
            if (c < 0xF5) return expect(3, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF);   // overlong; > U+10FFFF
            return false;
        }
        if (c < lo || c > hi) return false;
        need--;
        lo = 0x80;
        hi = 0xBF;
        return true;
    }

    private boolean expect(int n, int low, int high) {
        need = n;
        lo = low;
        hi = high;
        return true;
    }
}
