/** Small runnable programs, each showing one way to use luahost. */
module org.luahost.examples {
    requires org.luahost.vm;
    requires org.luahost.coroutines;
    requires org.luahost.persistence;
    requires org.luahost.scheduler;
    requires io.vertx.core;
}
