package org.luahost.script;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The byte stream behind a Lua state's {@code io.stdout}/{@code print} (or
 * stderr) in a script engine: Lua writes bytes, the script context has a
 * {@link Writer}, so the bytes are decoded as UTF-8 (invalid bytes become
 * U+FFFD) into whichever writer the running script's context has now. A
 * UTF-8 sequence split between two writes is kept until its end arrives.
 * Bytes are handed on at {@link #flush} (the engine flushes after every call)
 * and whenever 8 KB are pending.
 *
 * <p>Used by one thread at a time (the thread running the engine's Lua code).
 */
final class ContextOutput extends OutputStream {
    private final Supplier<Writer> writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer in = ByteBuffer.allocate(8192);
    private final CharBuffer out = CharBuffer.allocate(8192);
    /** Bytes written since the last flush: a flush with nothing new does not reach the writer (the engine flushes after every call). */
    private boolean written;

    ContextOutput(Supplier<Writer> writer) { this.writer = writer; }

    @Override
    public void write(int b) {
        written = true;
        if (!in.hasRemaining()) drain(false);
        in.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        written = true;
        while (len > 0) {
            if (!in.hasRemaining()) drain(false);
            int n = Math.min(len, in.remaining());
            in.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() {
        if (!written) return;
        written = false;
        drain(true);
    }

    /** Decodes what is pending into the writer; flushWriter also flushes the writer. */
    private void drain(boolean flushWriter) {
        Writer w = writer.get();
        in.flip();
        try {
            java.nio.charset.CoderResult r;
            do {
                r = decoder.decode(in, out, false);   // an incomplete sequence at the end stays in `in`
                out.flip();
                if (w != null && out.hasRemaining()) w.write(out.array(), out.position(), out.remaining());
                out.clear();
            } while (r.isOverflow());
            in.compact();
            if (flushWriter && w != null) w.flush();
        } catch (IOException e) {
            in.compact();
            throw new UncheckedIOException(e);
        }
    }
}
