package org.luahost.persistence.codec;

/** The one-byte tags of the snapshot body (see {@link SnapshotFormat} for the layout). */
final class Tags {
    private Tags() {}

    static final int NIL = 0;
    static final int FALSE = 1;
    static final int TRUE = 2;
    /** zigzag varint */
    static final int INT = 3;
    /** 8 bytes, IEEE 754 bits, little-endian: every payload kept */
    static final int FLOAT = 4;
    /** varint length, bytes; gets the next string id */
    static final int STR = 5;
    /** varint string id */
    static final int STRREF = 6;
    /** a string (STR or STRREF): the name of a value the host provided */
    static final int HOST = 7;
    /** varint object id of a table, function, cell or userdata already seen */
    static final int REF = 8;
    /** new table: varint array size, varint hash count; contents follow later */
    static final int TABLE = 9;
    /** new closure of a known prototype: varint prototype id, varint upvalue count */
    static final int CLOSURE = 10;
    /** new closure with a new prototype: string chunk name, varint length, dumped bytes, varint upvalue count */
    static final int CLOSURE_NEW_PROTO = 11;
    /** new userdata: string codec name, varint length, payload bytes; metatable and user value follow later */
    static final int USERDATA = 12;
    /** new upvalue cell (only in a closure's upvalue list); its value follows later */
    static final int CELL = 13;
}
