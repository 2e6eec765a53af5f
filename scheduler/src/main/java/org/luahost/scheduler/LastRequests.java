package org.luahost.scheduler;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The Transfer-Encoding rule: an HTTP/1 request with a Transfer-Encoding
 * header is its connection's last. Netty frames such a request by its chunks
 * and drops a Content-Length sent with it, so a proxy in front that frames by
 * the length would see one request where the server sees two (request
 * smuggling); an unknown coding ({@code xchunked}) is framed by the length
 * here, by the chunks elsewhere. So the answer to such a request says
 * {@code connection: close} and closes the connection once written, and
 * whatever the client sent after it on that connection is never handled.
 *
 * <p>Applied by {@link GatewayConnections} (every request of a server started
 * with {@link Gateway#serve}, the user's own routes included) and by
 * {@link Gateway#handle} itself, so that a gateway mounted on a server of the
 * user's own keeps the rule for the requests it gets.
 *
 * <p>Threads: any (each connection's event loop); the set is synchronized and
 * holds its connections weakly (a closed connection is forgotten when it is
 * collected).
 */
final class LastRequests {
    private final Set<HttpConnection> last = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * Whether req must not be handled: an earlier request on its connection
     * was the last (the connection is closed now). Otherwise, if req has a
     * Transfer-Encoding, it becomes its connection's last.
     */
    boolean refuse(HttpServerRequest req) {
        HttpConnection c = req.connection();
        if (c == null) return false;
        if (last.contains(c)) {
            c.close();
            return true;
        }
        if (req.headers().contains(HttpHeaders.TRANSFER_ENCODING) && req.version() != HttpVersion.HTTP_2) {
            last.add(c);
            req.response().putHeader(HttpHeaders.CONNECTION, "close");
            req.response().endHandler(v -> c.close());
        }
        return false;
    }

    /** Whether req was made its connection's last (by {@link #refuse}). */
    boolean isLast(HttpServerRequest req) {
        HttpConnection c = req.connection();
        return c != null && last.contains(c);
    }
}
