package org.luahost.vm.chunk;

import java.util.zip.CRC32;

import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.compiler.Compiler;
import org.luahost.vm.parser.Ast;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.Proto;

/**
 * {@code string.dump} and loading binary chunks: luahost's own compiled form.
 *
 * <p>luahost executes syntax trees, so a dumped function is its syntax tree
 * ({@link Proto#ast}) with what recompiling it exactly needs: the chunk name,
 * the names of its upvalues in order (a nested function resolves them against
 * its enclosing function; here they are given), and every line number, so
 * that error messages, tracebacks and {@code debug.getinfo} say the same after
 * a round trip. Stripping ({@code string.dump(f, true)}) drops the lines and
 * the chunk name; the loaded function then has no debug information, as in
 * the reference (current line -1, source {@code "=?"}, no local or upvalue
 * names), but keeps linedefined and lastlinedefined.
 *
 * <p>Layout (one char per byte, as Lua strings are in this VM): the
 * reference's header, byte for byte, then luahost's own body:
 * <pre>
 *   "\x1bLua"  0x54 (5.4)  0x00 (format)  "\x19\x93\r\n\x1a\n" (LUAC_DATA)
 *   4 8 8 (sizes of Instruction, lua_Integer, lua_Number)
 *   0x5678 (LUAC_INT, 8 bytes little-endian)  370.5 (LUAC_NUM, 8 bytes little-endian)
 *   0xFF 'l' 'h' (luahost's marker: where the reference has the upvalue count and its source)
 *   revision (1)  flags (bit 0: stripped)  payload length (u32, big-endian)  CRC-32 of the payload (u32)
 *   payload: [source, unless stripped] upvalue count, upvalue names,
 *            [if flag 2: count, then name and value of each compile-time constant of
 *             enclosing functions the function uses ({@link Proto#outerConsts})],
 *            function body ({@link AstCodec})
 * </pre>
 * Chunks of the earlier layout (format byte 0x6C, no sizes, no marker) still
 * load. The signature makes {@code load(s, nil, "t")} refuse it with the
 * reference's message; the reference's header checks come in its order with
 * its messages, and a chunk of the reference's own bytecode (the same
 * header, no marker) fails with "format mismatch". Bad input of any kind is
 * a Lua error {@code "<name>: bad binary format (<why>)"} in the reference's
 * words (truncated chunk, version mismatch, format mismatch, corrupted
 * chunk); the checksum catches damaged bytes before they are decoded. Bytes
 * after the chunk are ignored, as the reference ignores them.
 */
public final class Dump {
    private Dump() {}

    private static final String SIGNATURE = "\u001bLua";
    private static final int VERSION = 0x54;
    /** The reference's LUAC_FORMAT. */
    private static final int FORMAT = 0;
    /** The format byte of luahost's earlier layout (still read). */
    private static final int FORMAT_OLD = 0x6C;
    private static final String DATA = "\u0019\u0093\r\n\u001a\n";
    /** sizeof(Instruction), sizeof(lua_Integer), sizeof(lua_Number), LUAC_INT and LUAC_NUM, as the reference writes them (little-endian). */
    private static final String SIZES = "\u0004\u0008\u0008";
    private static final String LUAC_INT = le(0x5678L);
    private static final String LUAC_NUM = le(Double.doubleToRawLongBits(370.5));
    private static final String MARKER = "\u00fflh";
    /** Revision of luahost's layout; raise it whenever the encoding changes. */
    private static final int REVISION = 1;
    private static final int FLAG_STRIPPED = 1;
    /** The payload has a constants section after the upvalue names (absent in chunks that need none). */
    private static final int FLAG_CONSTS = 2;
    private static final int HEADER = SIGNATURE.length() + 2 + DATA.length() + SIZES.length() + 16 + MARKER.length() + 2 + 8;

    // ---------------------------------------------------------------- Lua-facing entry points

    /** string.dump: the binary chunk of fn (a Lua function; Java functions cannot be dumped). */
    public static String dump(LuaThread th, LuaFunction fn, boolean strip) {
        if (!(fn instanceof LuaClosure c) || !(c.proto.ast instanceof Ast.FuncBody)) {
            throw th.errorAtLevel("unable to dump given function", 1);
        }
        return dumpClosure(c, strip);
    }

    /**
     * load of a binary chunk: a new closure with fresh upvalues, all nil except
     * the first, which is set to env (when the function has upvalues), as the
     * reference's load does whatever the first upvalue's name.
     */
    public static LuaFunction undump(LuaState L, String chunk, String chunkName, Object env) {
        Chunk c = read(chunk, chunkName);
        Cell[] upvals = new Cell[c.upvalNames.length];
        for (int i = 0; i < upvals.length; i++) upvals[i] = new Cell();
        if (upvals.length > 0) upvals[0].v = env;
        return compile(c, chunkName, upvals);
    }

    // ---------------------------------------------------------------- Java API (persistence)

    /** The binary chunk of a Lua function: a byte string (one char per byte) that {@link #loadClosure} reads back. */
    public static String dumpClosure(LuaClosure fn, boolean strip) {
        Proto p = fn.proto;
        if (!(p.ast instanceof Ast.FuncBody body)) throw new IllegalStateException("function has no syntax tree to dump");
        boolean stripped = strip || p.stripped;
        AstCodec.Writer w = new AstCodec.Writer(stripped);
        if (!stripped) w.str(p.source);
        w.uvar(p.upvalNames.length);
        for (String n : p.upvalNames) w.str(n);
        if (!p.outerConsts.isEmpty()) {
            w.uvar(p.outerConsts.size());
            for (var e : p.outerConsts.entrySet()) {
                w.str(e.getKey());
                w.constant(e.getValue());
            }
        }
        w.body(body);
        byte[] payload = w.out.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(payload);
        StringBuilder sb = new StringBuilder(HEADER + payload.length);
        sb.append(SIGNATURE).append((char) VERSION).append((char) FORMAT).append(DATA);
        sb.append(SIZES).append(LUAC_INT).append(LUAC_NUM).append(MARKER);
        sb.append((char) REVISION).append((char) ((stripped ? FLAG_STRIPPED : 0) | (p.outerConsts.isEmpty() ? 0 : FLAG_CONSTS)));
        u32(sb, payload.length);
        u32(sb, (int) crc.getValue());
        for (byte b : payload) sb.append((char) (b & 0xFF));
        return sb.toString();
    }

    /**
     * Loads a binary chunk made by {@link #dumpClosure} (or string.dump) as a
     * closure over the given upvalue cells, which must number
     * {@link #upvalueCount(String)}. chunkName names the chunk in error
     * messages ("=name", "@file", or anything); the function's own source name
     * comes from the chunk. Bad input is a {@link LuaError} whose value is the
     * reference's "bad binary format" message.
     */
    public static LuaClosure loadClosure(LuaState L, String bytes, String chunkName, Cell[] upvals) {
        Chunk c = read(bytes, chunkName);
        if (upvals.length != c.upvalNames.length) {
            throw new IllegalArgumentException("chunk has " + c.upvalNames.length + " upvalues, " + upvals.length + " cells given");
        }
        return compile(c, chunkName, upvals);
    }

    private static LuaClosure compile(Chunk c, String chunkName, Cell[] upvals) {
        Proto p;
        try {
            p = Compiler.compileDumped(c.source, c.body, c.upvalNames, c.consts, c.stripped);
        } catch (LuaError e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a syntax tree no parser produced (a crafted chunk with a valid checksum)
            throw bad(chunkName, "corrupted chunk");
        }
        return new LuaClosure(p, upvals);
    }

    /** The number of upvalues of the function in a binary chunk. Bad input is a {@link LuaError}. */
    public static int upvalueCount(String bytes) {
        return read(bytes, "=?").upvalNames.length;
    }

    // ---------------------------------------------------------------- reading

    private record Chunk(String source, String[] upvalNames, java.util.Map<String, Object> consts, Ast.FuncBody body, boolean stripped) {}

    private static Chunk read(String s, String chunkName) {
        try {
            return readChunk(s);
        } catch (AstCodec.Bad e) {
            throw bad(chunkName, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // a decoder check missed (a crafted chunk with a valid checksum): still the Lua error, never a Java one
            throw bad(chunkName, "corrupted chunk");
        }
    }

    private static Chunk readChunk(String s) {
        int n = s.length();
        int pos = literal(s, 0, SIGNATURE, "not a binary chunk");
        pos = expect(s, pos, VERSION, "version mismatch");
        if (pos >= n) throw new AstCodec.Bad("truncated chunk");
        boolean old = s.charAt(pos) == FORMAT_OLD;
        pos = expect(s, pos, old ? FORMAT_OLD : FORMAT, "format mismatch");
        pos = literal(s, pos, DATA, "corrupted chunk");
        if (!old) {
            pos = literal(s, pos, SIZES.substring(0, 1), "Instruction size mismatch");
            pos = literal(s, pos, SIZES.substring(1, 2), "lua_Integer size mismatch");
            pos = literal(s, pos, SIZES.substring(2, 3), "lua_Number size mismatch");
            pos = literal(s, pos, LUAC_INT, "integer format mismatch");
            pos = literal(s, pos, LUAC_NUM, "float format mismatch");
            pos = literal(s, pos, MARKER, "format mismatch");   // the reference's own bytecode
        }
        pos = expect(s, pos, REVISION, "version mismatch");
        if (pos >= n) throw new AstCodec.Bad("truncated chunk");
        int flags = s.charAt(pos++);
        if ((flags & ~(FLAG_STRIPPED | FLAG_CONSTS)) != 0) throw new AstCodec.Bad("corrupted chunk");
        boolean stripped = (flags & FLAG_STRIPPED) != 0;
        if (pos + 8 > n) throw new AstCodec.Bad("truncated chunk");
        long len = u32(s, pos) & 0xFFFFFFFFL;
        int crcWanted = u32(s, pos + 4);
        pos += 8;
        if (len > n - pos) throw new AstCodec.Bad("truncated chunk");
        int end = pos + (int) len;
        CRC32 crc = new CRC32();
        for (int i = pos; i < end; i++) crc.update(s.charAt(i));
        if ((int) crc.getValue() != crcWanted) throw new AstCodec.Bad("corrupted chunk");
        AstCodec.Reader r = new AstCodec.Reader(s, pos, end, stripped);
        String source = stripped ? "=?" : r.str();
        int nup = r.count();
        String[] names = new String[nup];
        for (int i = 0; i < nup; i++) names[i] = r.str();
        java.util.Map<String, Object> consts = new java.util.LinkedHashMap<>();
        if ((flags & FLAG_CONSTS) != 0) {
            int nk = r.count();
            for (int i = 0; i < nk; i++) {
                String name = r.str();
                consts.put(name, r.constant());
            }
        }
        Ast.FuncBody body = r.body();
        if (!r.atEnd()) throw new AstCodec.Bad("corrupted chunk");
        return new Chunk(source, names, consts, body, stripped);
    }

    private static int literal(String s, int pos, String lit, String why) {
        for (int i = 0; i < lit.length(); i++, pos++) {
            if (pos >= s.length()) throw new AstCodec.Bad("truncated chunk");
            if (s.charAt(pos) != lit.charAt(i)) throw new AstCodec.Bad(why);
        }
        return pos;
    }

    private static int expect(String s, int pos, int b, String why) {
        if (pos >= s.length()) throw new AstCodec.Bad("truncated chunk");
        if (s.charAt(pos) != b) throw new AstCodec.Bad(why);
        return pos + 1;
    }

    /** v as 8 little-endian bytes. */
    private static String le(long v) {
        StringBuilder sb = new StringBuilder(8);
        for (int k = 0; k < 64; k += 8) sb.append((char) ((v >>> k) & 0xFF));
        return sb.toString();
    }

    private static void u32(StringBuilder sb, int v) {
        for (int k = 24; k >= 0; k -= 8) sb.append((char) ((v >>> k) & 0xFF));
    }

    private static int u32(String s, int pos) {
        int v = 0;
        for (int i = 0; i < 4; i++) v = (v << 8) | (s.charAt(pos + i) & 0xFF);
        return v;
    }

    /** The reference's undump error: the chunk name without its '@' or '=', or "binary string" for a chunk used as its own name. */
    private static LuaError bad(String chunkName, String why) {
        String name;
        if (chunkName == null || chunkName.isEmpty()) name = "?";
        else if (chunkName.charAt(0) == '@' || chunkName.charAt(0) == '=') name = chunkName.substring(1);
        else if (chunkName.charAt(0) == 0x1b) name = "binary string";
        else name = chunkName;
        return new LuaError(name + ": bad binary format (" + why + ")");
    }
}
