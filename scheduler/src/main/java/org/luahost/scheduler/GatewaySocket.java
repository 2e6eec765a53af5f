package org.luahost.scheduler;

import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.json.DecodeException;

import org.luahost.coroutines.ValueException;

/**
 * One WebSocket client of the gateway ({@code /sessions/{id}/ws}). The
 * session is started before the upgrade, so a failure is still an HTTP
 * answer with a body. Then:
 *
 * <ul>
 * <li>each text message from the client is one JSON value, delivered to
 *     {@code on_message(from, value)} where from is the connection's
 *     principal ({@link Principal#sender}{@code ("ws")}); a frame that is not
 *     JSON or nests too deeply is answered with an error frame
 *     {@code {"error": ...}}; frames are bounded by
 *     {@link GatewayOptions#maxFrame} (a larger one closes the connection with 1009);
 *     messages over {@link Gateway#INLINE_BODY} are converted to Lua on a
 *     worker, in order ({@link #received});</li>
 * <li>each {@code host.push(v)} of the session becomes one text frame (the
 *     JSON of v, or a JSON array when several values are pushed), encoded on
 *     the session's thread within {@link GatewayOptions#maxDepth} and
 *     {@link GatewayOptions#maxResultBytes} (beyond them the client gets an
 *     error frame instead);</li>
 * <li>a text message that is not well-formed UTF-8 closes the connection
 *     (1007, RFC 6455 8.1) before any of it reaches the session
 *     ({@link Utf8Check}, fragment by fragment);</li>
 * <li>back-pressure: the bytes of frames written but not yet sent are
 *     counted; a push that would take them past
 *     {@link GatewayOptions#maxPending} closes the connection (1008, "client
 *     too slow", then a TCP reset a second later, so that what the kernel
 *     holds is discarded too) instead of queueing without end; so does any
 *     frame from the client while more than that waits to be sent to it
 *     (the pongs Vert.x sends for pings count). {@code host.push} never
 *     waits and never fails because of a slow client.</li>
 * </ul>
 *
 * <p>Threads: {@link #open} and the frame handlers run on the connection's
 * event loop, and so do the ends of the conversions on workers (queued and
 * queue are the loop's); {@link #push} on the session's thread (writes are handed to
 * Vert.x, which is safe from any thread); pending is atomic.
 */
final class GatewaySocket {
    private final Gateway g;
    private final HttpServerRequest req;
    private final String id;
    private final Principal principal;
    private final AtomicLong pending = new AtomicLong();
    private volatile ServerWebSocket ws;
    private volatile boolean dropped;
    /** Messages the client may have waiting for conversion before its socket is paused. */
    static final int MAX_QUEUED = 8;
    /** The client's messages being converted or waiting for it, and the end of their chain (event loop only). */
    private int queued;
    /** Bytes of the message whose fragments are still coming (counted in the gateway's Receiving), and its deadline (event loop only). */
    private long partial, partialTimer;
    private Future<Void> queue = Future.succeededFuture();
    /** Bytes read from the client since its connection last could take more output (the channel's event loop). */
    private long readWhileFull;
    /** Whether the message whose fragments come is text or binary, and the check of its UTF-8 (event loop only). */
    private boolean inText, inBinary;
    private final Utf8Check utf8 = new Utf8Check();
    /** The bytes of the text message whose fragments are still coming, or null (event loop only). */
    private Buffer text;
    /** The sender the session sees ({@link Principal#sender}). */
    private String from;

    GatewaySocket(Gateway g, HttpServerRequest req, String id, Principal principal) {
        this.g = g;
        this.req = req;
        this.id = id;
        this.principal = principal;
    }

    void open() {
        req.pause();
        g.withDeadline(req, g.host.session(id), "the start of session '" + id + "'", ar -> {
            if (ar.failed()) {
                GatewayHttp.error(req, Gateway.status(ar.cause()), "session '" + id + "' failed to start: "
                        + ar.cause().getMessage(), null);
                return;
            }
            req.toWebSocket().onComplete(w -> {
                if (w.succeeded()) connected(w.result());
            });
        });
    }

    private void connected(ServerWebSocket socket) {
        ws = socket;
        HttpConnection conn = req.connection();
        AutoCloseable sub = g.host.subscribe(id, this::push);
        socket.frameHandler(f -> fragment(socket, f));
        watchReads(socket);
        socket.closeHandler(v -> {
            g.receiving.release(partial);
            partial = 0;
            try {
                sub.close();
            } catch (Exception ignored) {
                // closing a subscription does not fail
            }
        });
        socket.exceptionHandler(e -> {
            if (conn != null) conn.close();
        });
        from = LuaJson.luaString(principal.sender("ws"));
        // no textMessageHandler: Vert.x would join a text message's fragments and decode them with replacement
        // characters before any check; fragment() joins them itself and checks their UTF-8 first
    }

    /**
     * A text message from the client, on the event loop. A small one, with
     * none before it still being converted, is converted and delivered here;
     * the others go through {@link #queue}: a message of up to
     * {@code maxBody} (1 MB by default, in continuation frames) becomes a Lua
     * value on a worker, as an HTTP body over {@link Gateway#INLINE_BODY}
     * does, and the event loop's other connections do not wait for it.
     */
    private void received(ServerWebSocket socket, String from, String text) {
        if (dropped) return;   // closed meanwhile (invalid UTF-8 in this very message, a slow client): not delivered
        if (queued == 0 && text.length() <= Gateway.INLINE_BODY) {
            deliver(from, convert(text));
            return;
        }
        // in order: each waits for the one before it; a client far ahead is paused (TCP back-pressure)
        if (++queued == MAX_QUEUED) socket.pause();
        queue = queue.compose(v -> g.host.vertx().executeBlocking(() -> convert(text), false)).transform(ar -> {
            if (queued-- == MAX_QUEUED) socket.resume();
            if (ar.succeeded()) deliver(from, ar.result());
            else write(LuaJson.errorBody("cannot read the message: " + ar.cause(), null));
            return Future.<Void>succeededFuture();
        });
    }

    /**
     * Each frame, on the event loop, before Vert.x joins a message's
     * fragments: the fragments of a message still coming count in the
     * gateway's bound on bytes being received ({@link Receiving}), and must
     * all arrive within {@link GatewayOptions#bodyTimeout} of the first
     * (before: a client could leave a megabyte of fragments per connection
     * for good). Past either, the connection is closed (1013, then reset).
     */
    private void fragment(ServerWebSocket socket, WebSocketFrame f) {
        if (dropped) return;
        if (unsent(socket) > g.options.maxPending()) {
            // Vert.x answers each ping with a pong whether or not the client reads: 222 MB of pings from a client
            // that read nothing queued 500 MB of pongs in a real serve; any frame finds out
            drop(socket);
            return;
        }
        if (!(f.isText() || f.isBinary() || f.isContinuation())) return;
        String message = collect(socket, f);
        if (dropped) return;
        int n = f.binaryData().length();
        if (f.isFinal()) {
            if (partial > 0) {
                g.host.vertx().cancelTimer(partialTimer);
                g.receiving.release(partial);
                partial = 0;
            }
            if (message != null) received(socket, from, message);
            else if (inBinary) {
                inBinary = false;
                write(LuaJson.errorBody("binary frames are not accepted; send JSON text", null));
            }
            return;
        }
        if (!g.receiving.grow(partial, n)) {
            refuse(socket, "the server is receiving too many large messages at once; try again");
            return;
        }
        if (partial == 0) {
            long ms = Math.max(1, g.options.bodyTimeout().toMillis());
            partialTimer = g.host.vertx().setTimer(ms, t -> {
                if (partial > 0) refuse(socket, "message not received within " + ms + " ms");
            });
        }
        partial += n;
    }

    /**
     * Joins the fragments of a text message: the whole message, decoded,
     * once f is its last fragment, else null. Text must be well-formed
     * UTF-8 ({@link Utf8Check}, across fragments; else the connection is
     * closed with 1007) and at most the server's maximum message size
     * (else 1009); binary messages are not kept. Event loop.
     */
    private String collect(ServerWebSocket socket, WebSocketFrame f) {
        if (f.isText()) {
            inText = true;
            inBinary = false;
            utf8.reset();
            text = null;
        } else if (f.isBinary()) {
            inText = false;
            inBinary = true;
            text = null;
        }
        if (!inText) return null;
        Buffer data = f.binaryData();
        if (!utf8.feed(data) || (f.isFinal() && !utf8.complete())) {
            text = null;
            closeThenReset(socket, (short) 1007, "invalid UTF-8 in a text message");
            return null;
        }
        long size = (text == null ? 0 : text.length()) + (long) data.length();
        if (size > maxMessage()) {
            text = null;
            closeThenReset(socket, (short) 1009, "message too big (more than " + maxMessage() + " bytes)");
            return null;
        }
        if (!f.isFinal()) {
            text = (text == null ? Buffer.buffer((int) size) : text).appendBuffer(data);
            return null;
        }
        String whole = (text == null ? data : text.appendBuffer(data)).toString(java.nio.charset.StandardCharsets.UTF_8);
        text = null;
        inText = false;
        return whole;
    }

    /** The largest text message taken (the server's, see {@link GatewayOptions}). */
    private long maxMessage() { return Math.max(g.options.maxFrame(), g.options.maxBody()); }

    /** Closes the connection (1013), reset a second later, for a message the gateway will not take. */
    private void refuse(ServerWebSocket s, String why) {
        closeThenReset(s, (short) 1013, why);
    }

    /** A message as the session gets it (value), or the error frame that answers it instead (error). */
    private record Message(Object value, String error) {}

    private Message convert(String text) {
        try {
            Object json = LuaJson.parse(Buffer.buffer(text), g.options.maxDepth());
            LuaJson.checkFinite(json, "message");
            return new Message(LuaJson.fromJson(json, g.limits, "message"), null);
        } catch (DecodeException e) {
            return new Message(null, LuaJson.errorBody("not JSON: " + e.getMessage(), null));
        } catch (ValueException | SessionException e) {
            return new Message(null, LuaJson.errorBody(e.getMessage(), null));
        }
    }

    private void deliver(String from, Message m) {
        if (m.error() != null) write(m.error());
        else g.host.sendAs(id, from, m.value()).onFailure(e -> write(LuaJson.errorBody(e.getMessage(), null)));
    }

    /** What the session pushed (copies), on the session's thread. */
    private void push(Object[] values) {
        if (dropped) return;
        write(frameOf(values));
    }

    /**
     * The frame of a push: encoded once for all the subscribers of the
     * session, which {@code Subscribers.push} hands the same array in turn
     * (on the session's thread). Before, each client encoded it again: one
     * {@code host.push} of 3.9 MB to 300 clients ran 300 encodes inside one
     * library call (about 100 s holding a carrier at load average 40).
     */
    private String frameOf(Object[] values) {
        Gateway.Pushed last = g.lastPushed;
        if (last != null && last.values() == values) return last.frame();
        String frame;
        try {
            frame = values.length == 1 ? LuaJson.encode(values[0], "pushed value", g.limits, g.options.maxResultBytes())
                    : LuaJson.encodeArray(values, g.limits, g.options.maxResultBytes());
        } catch (ValueException e) {
            frame = LuaJson.errorBody("cannot push the value as JSON: " + e.getMessage(), null);
        }
        g.lastPushed = new Gateway.Pushed(values, frame);
        return frame;
    }

    private void write(String frame) {
        ServerWebSocket s = ws;
        if (s == null || dropped) return;
        long size = frame.length();
        if (pending.addAndGet(size) > g.options.maxPending()) {
            pending.addAndGet(-size);
            drop(s);
            return;
        }
        if (g.pendingTotal.addAndGet(size) > g.maxPendingTotal && g.maxPendingTotal > 0) {
            g.pendingTotal.addAndGet(-size);
            pending.addAndGet(-size);
            closeThenReset(s, (short) 1008, "client too slow: the server's WebSocket clients have more than "
                    + g.maxPendingTotal + " bytes waiting to be sent to them");
            return;
        }
        s.writeTextMessage(frame).onComplete(x -> {
            pending.addAndGet(-size);
            g.pendingTotal.addAndGet(-size);
        });
    }

    /**
     * The client does not read fast enough: send the close frame (a client that still reads gets the reason) and
     * reset the connection a second later if it is still open. A plain close would not do: the kernel keeps
     * sending what it already holds (up to its send buffer, megabytes) at the pace the client reads, for
     * minutes against a client that reads a few KB a second; a reset (SO_LINGER 0) discards it at once.
     */
    private void drop(ServerWebSocket s) {
        closeThenReset(s, (short) 1008, "client too slow: more than " + g.options.maxPending() + " bytes waiting to be sent to it");
    }

    /** Marks the connection dropped, sends the close frame (code, why) and resets the connection a second later. */
    private void closeThenReset(ServerWebSocket s, short code, String why) {
        dropped = true;
        s.close(code, why);
        g.host.vertx().setTimer(1000, t -> reset(s));
    }

    /**
     * Counts, at the head of the connection's Netty pipeline, the bytes read while the
     * connection cannot take more output (not writable: Vert.x then queues what is written in
     * its own queue, which {@link #unsent} does not see). Vert.x answers pings with pongs
     * itself, never showing them to the frame handler, so a client that pings and never reads
     * made the server queue pongs without end (300 MB of pings: a real serve grew from 107 to
     * 835 MB). More than {@link GatewayOptions#maxPending} bytes read while not writable, or
     * more than that waiting in Netty's buffer, drops the client; a dropped connection is no
     * longer read (its writes back up until the reset). Event loop (the channel's).
     */
    private void watchReads(ServerWebSocket socket) {
        if (!(socket instanceof WebSocketInternal w)) return;
        w.channelHandlerContext().pipeline().addFirst("luahost-reads", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (ctx.channel().isWritable()) readWhileFull = 0;
                else if (msg instanceof ByteBuf b) readWhileFull += b.readableBytes();
                if (!dropped && (readWhileFull > g.options.maxPending() || unsent(socket) > g.options.maxPending())) drop(socket);
                if (dropped) ctx.channel().config().setAutoRead(false);
                ctx.fireChannelRead(msg);
            }
        });
        // a frame the decoder refuses (over maxFrame, unmasked, a bad opcode): Vert.x's handler would close the
        // connection with a plain 1000 (or a reset), so the client never learnt why; here, past the encoder, the
        // decoder's own status goes out (1009 for a frame too big, else 1002) and the rest is dropped as for a
        // slow client. The decoder discards whatever arrives after the refused header.
        if (w.channelHandlerContext().pipeline().get("wsencoder") == null) return;
        w.channelHandlerContext().pipeline().addAfter("wsencoder", "luahost-refused", new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                if (!(cause instanceof CorruptedWebSocketFrameException bad)) {
                    ctx.fireExceptionCaught(cause);
                } else if (!dropped) {
                    int code = bad.closeStatus().code();
                    closeThenReset(socket, (short) code, code == 1009
                            ? "frame too big (more than " + g.options.maxFrame() + " bytes)" : "protocol error");
                }
            }
        });
    }

    /** Bytes written to s's connection and not yet handed to the kernel (pushes, pongs, anything); event loop. */
    static long unsent(ServerWebSocket s) {
        if (!(s instanceof WebSocketInternal w)) return 0;
        ChannelOutboundBuffer b = w.channelHandlerContext().channel().unsafe().outboundBuffer();
        return b == null ? 0 : b.totalPendingWriteBytes();
    }

    /** Closes s's connection with a TCP reset, discarding whatever is still unsent; any thread. */
    static void reset(ServerWebSocket s) {
        if (s instanceof WebSocketInternal w) {
            Channel ch = w.channelHandlerContext().channel();
            // on the channel's own event loop (the transport's close must run there), past the pipeline: Vert.x's
            // handler turns a channel close into a graceful one that first flushes what is queued (30 s against
            // the client of aSlowWebSocketClientIsDroppedAndPushNeverWaits); the transport's close fails the queued
            // writes, and SO_LINGER 0 makes the kernel discard its buffer and send a reset
            ch.eventLoop().execute(() -> {
                if (!ch.isOpen()) return;
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
                ch.unsafe().close(ch.unsafe().voidPromise());
            });
        } else {
            s.close();
        }
    }
}
