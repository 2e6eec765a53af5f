package org.luahost.scheduler.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Builds the clustered Vertx of a node: Vert.x's Hazelcast cluster manager
 * with the maps Vert.x needs (its default configuration), TCP-IP join to
 * the given members (multicast off), the member and event-bus address on
 * {@link ClusterOptions#host}, and the heartbeat timeout set to the lease,
 * so that a paused or dead node leaves the member list after it.
 */
public final class Clusters {
    private Clusters() {}

    /** A clustered Vertx joined to the members of o (completes once joined). */
    public static Future<Vertx> start(ClusterOptions o) {
        return start(o, new VertxOptions());
    }

    /** As {@link #start(ClusterOptions)}, with these Vert.x options (their event-bus host is set to o's host). */
    public static Future<Vertx> start(ClusterOptions o, VertxOptions vertxOptions) {
        return start(o, vertxOptions, null);
    }

    /** As {@link #start(ClusterOptions, VertxOptions)}, with Vert.x metrics from this factory (null: none). */
    public static Future<Vertx> start(ClusterOptions o, VertxOptions vertxOptions, VertxMetricsFactory metrics) {
        HazelcastClusterManager cm = new HazelcastClusterManager(hazelcastConfig(o));
        EventBusOptions eb = vertxOptions.getEventBusOptions();
        eb.setHost(o.host()).setClusterPublicHost(o.host());
        VertxBuilder b = Vertx.builder().with(vertxOptions).withClusterManager(cm);
        if (metrics != null) b.withMetrics(metrics);
        return b.buildClustered();
    }

    /** Vert.x's default Hazelcast configuration, joined by TCP-IP to o's members. */
    static Config hazelcastConfig(ClusterOptions o) {
        Config c = ConfigUtil.loadConfig();
        c.setClusterName("luahost");
        long leaseS = Math.max(2, (o.lease().toMillis() + 999) / 1000);
        c.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(leaseS));
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "2");
        c.setProperty("hazelcast.merge.next.run.delay.seconds", "2");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.getNetworkConfig().setPort(o.port()).setPortAutoIncrement(true).setPublicAddress(null);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(o.host());
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(o.join().isEmpty() ? java.util.List.of(o.host()) : o.join());
        return c;
    }
}
