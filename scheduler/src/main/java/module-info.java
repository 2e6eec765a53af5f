/**
 * Sessions as actors on Vert.x: mailboxes, turns, budgets, timers, messaging
 * and the HTTP/WebSocket gateway.
 */
module org.luahost.scheduler {
    requires transitive org.luahost.vm;
    requires transitive org.luahost.coroutines;
    requires transitive org.luahost.persistence;
    requires transitive io.vertx.core;
    requires org.jctools.core;
    requires io.netty.buffer;      // GatewaySocket counts the bytes a client sends while its connection is full
    requires io.netty.codec.http;  // GatewaySocket closes on a refused frame with the decoder's status (1009, 1002)
    requires io.netty.codec;       // GatewayConnections answers a request Netty could not decode with the reason
    requires io.netty.transport;   // GatewaySocket resets a too-slow client's connection (SO_LINGER 0)
    requires java.management;
    requires jdk.management;       // HostImpl reads G1's region size (HotSpotDiagnosticMXBean)
    requires org.slf4j;
    requires transitive io.vertx.healthcheck;
    requires transitive micrometer.core;   // HostOptions.metrics takes a MeterRegistry

    requires io.vertx.clustermanager.hazelcast;   // clustering (org.luahost.scheduler.cluster)
    requires com.hazelcast.core;

    exports org.luahost.scheduler;
    exports org.luahost.scheduler.cluster;
}
