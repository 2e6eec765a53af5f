/**
 * Saving and restoring a Lua state's value graph: the serializer, the
 * snapshot format and the session stores (SQLite by default).
 */
module org.luahost.persistence {
    requires transitive org.luahost.vm;
    requires java.sql;
    requires org.xerial.sqlitejdbc;

    exports org.luahost.persistence;
}
