/** JMH micro-benchmarks and the programs behind the side-by-side comparison. */
module org.luahost.bench {
    requires org.luahost.vm;
    requires org.luahost.coroutines;
    requires org.luahost.persistence;
    requires org.luahost.scheduler;
    requires io.vertx.core;
    requires java.management;
    requires jdk.management;
    requires jmh.core;
    requires micrometer.registry.prometheus;   // SessionsBench -Dbench.metrics=prometheus
}
