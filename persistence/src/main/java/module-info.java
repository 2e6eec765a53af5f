/**
 * Saving and restoring a Lua state's value graph: the serializer, the
 * snapshot format and the session stores (SQLite by default, PostgreSQL
 * shared by several hosts).
 */
module org.luahost.persistence {
    requires transitive org.luahost.vm;
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    // the PostgreSQL store: the reactive client, and SCRAM (PostgreSQL's default password authentication),
    // which the client only names as an optional module
    requires transitive io.vertx.core;
    requires io.vertx.sql.client;
    requires io.vertx.sql.client.pg;
    requires com.ongres.scram.client;

    exports org.luahost.persistence;
}
