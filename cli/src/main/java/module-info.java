/** The {@code luahost} command: {@code lua}, {@code run}, {@code serve}, {@code sessions}, {@code kill}. */
module org.luahost.cli {
    requires org.luahost.vm;
    requires org.luahost.coroutines;
    requires org.luahost.persistence;
    requires org.luahost.scheduler;
    requires io.vertx.core;
    requires io.vertx.config;       // serve --config FILE (ServeConfig)
    requires io.vertx.config.yaml;  // its YAML format (a ConfigProcessor service; nothing exported)
    requires org.slf4j;
    requires io.vertx.metrics.micrometer;     // serve's metrics (ServeMetrics)
    requires micrometer.registry.prometheus;
    requires org.jline.reader;
    requires org.jline.terminal;
    requires java.net.http;     // luahost kill: the admin route of a running serve
    requires jdk.unsupported;   // sun.misc.Signal: Ctrl-C becomes "interrupted!" (Interrupts)

    provides org.slf4j.spi.SLF4JServiceProvider with org.luahost.cli.ConsoleLogging;
}
