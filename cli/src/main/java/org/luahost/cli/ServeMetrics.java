package org.luahost.cli;

import java.util.EnumSet;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import org.luahost.scheduler.GatewayOptions;
import org.luahost.scheduler.HostOptions;

/**
 * {@code luahost serve}'s metrics (issue 15): one Prometheus registry that
 * Vert.x's metrics module (HTTP server, event bus, worker pools, JVM) and
 * the host ({@link HostOptions#metrics}, the {@code luahost_*} series) both
 * record into, scraped by the gateway's {@code GET /metrics}
 * ({@link GatewayOptions#metrics}).
 *
 * <p>Vert.x's labels are chosen so that no series is made per session or
 * per client: no event-bus address (every session has its own), no HTTP
 * path (session ids are in it), no remote or local address.
 */
final class ServeMetrics {
    private ServeMetrics() {}

    /** Labels of Vert.x's own meters: bounded sets of values only. */
    private static final EnumSet<Label> LABELS = EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.EB_SIDE,
            Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME, Label.NAMESPACE);

    /** A Vertx with Micrometer metrics in a new Prometheus registry, which host and gateway get too. */
    static Vertx vertx(HostOptions host, GatewayOptions gateway) {
        return vertx(host, gateway, null);
    }

    /** As {@link #vertx(HostOptions, GatewayOptions)}, clustered (and joined, waiting for it) when cluster is not null. */
    static Vertx vertx(HostOptions host, GatewayOptions gateway, org.luahost.scheduler.cluster.ClusterOptions cluster) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                .setLabels(LABELS);
        VertxOptions options = new VertxOptions().setMetricsOptions(metrics);
        Vertx vertx = cluster != null ? org.luahost.scheduler.cluster.Clusters.start(cluster, options,
                new MicrometerMetricsFactory(registry)).await()
                : Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();
        host.metrics(registry);
        gateway.metrics(registry::scrape);
        return vertx;
    }
}
