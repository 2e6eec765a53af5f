package org.luahost.vm.parser;

/**
 * Lua's {@code luaO_chunkid}: turns a chunk name into the short source id that
 * prefixes error messages and tracebacks, with the reference's LUA_IDSIZE of 60
 * bytes (including the C string terminator, so at most 59 chars).
 * <ul>
 * <li>{@code "=name"}: {@code name} as is, cut to 59 chars;
 * <li>{@code "@file"}: the file name, or {@code "..."} and its last 56 chars
 *     when longer than 59;
 * <li>anything else (source text given to {@code load}):
 *     {@code [string "first line..."]}, with "..." when the text has more than
 *     one line or is 45 chars or longer (then cut to 45 chars).
 * </ul>
 * The chunk name is a C string in the reference, so it ends at its first NUL.
 */
public final class ChunkId {
    private static final int IDSIZE = 60;
    private static final String PRE = "[string \"";
    private static final String POS = "\"]";
    private static final String RETS = "...";

    private ChunkId() {}

    public static String of(String chunkName) {
        String name = Token.cutAtNul(chunkName);
        int max = IDSIZE - 1;
        if (name.startsWith("=")) {
            String rest = name.substring(1);
            return rest.length() <= max ? rest : rest.substring(0, max);
        }
        if (name.startsWith("@")) {
            String rest = name.substring(1);
            return rest.length() <= max ? rest
                    : RETS + rest.substring(rest.length() - (max - RETS.length()));
        }
        int room = IDSIZE - (PRE.length() + RETS.length() + POS.length()) - 1;
        int nl = name.indexOf('\n');
        if (nl < 0 && name.length() < room) {
            return PRE + name + POS;
        }
        int len = nl >= 0 ? nl : name.length();
        if (len > room) len = room;
        return PRE + name.substring(0, len) + RETS + POS;
    }
}
