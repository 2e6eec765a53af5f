package org.luahost.persistence.codec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.luahost.vm.Lua;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.spi.Edges;
import org.luahost.vm.spi.FunctionImages;
import org.luahost.vm.spi.Upvalue;
import org.luahost.vm.spi.ValueGraph;

/**
 * Names where values sit, for error messages: a breadth-first search over
 * the value graph's edges ({@link ValueGraph#edges}) from the root tables
 * gives each target a shortest path such as {@code _G.players[3].co},
 * {@code _G.f(upvalue 'co')}, {@code _G.obj(metatable).__index}. Only runs
 * when something could not be saved, so it keeps the parent links the
 * encoder does not need. It goes through tables, Lua functions and userdata,
 * not into what the host provided.
 */
final class PathFinder implements Edges {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("and", "break", "do", "else", "elseif", "end", "false", "for",
            "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while");

    private record Edge(Object parent, String label) {}

    private final HostIndex host;
    private final Set<Object> targets;
    private final IdentityHashMap<Object, Edge> parents = new IdentityHashMap<>();
    private final Map<Object, String> found = new LinkedHashMap<>();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** The object whose edges are being reported. */
    private Object node;

    private PathFinder(HostIndex host, Set<Object> targets) {
        this.host = host;
        this.targets = targets;
    }

    /** Paths of the targets reachable from the roots, in the order found. */
    static Map<Object, String> find(HostIndex host, List<HostIndex.Root> roots, Set<Object> targets) {
        PathFinder p = new PathFinder(host, targets);
        for (HostIndex.Root r : roots) {
            p.parents.put(r.table(), new Edge(null, r.name()));
            p.queue.add(r.table());
        }
        while (!p.queue.isEmpty() && p.found.size() < targets.size()) {
            p.node = p.queue.poll();
            ValueGraph.edges(p.node, p);
        }
        return p.found;
    }

    @Override
    public void arraySlot(int index, Object value) {
        if (value != null) reach(value, "[" + index + "]");
    }

    @Override
    public void hashEntry(Object key, Object value) {
        reach(key, "(key)");
        reach(value, keyLabel(key));
    }

    @Override
    public void metatable(LuaTable mt) { reach(mt, "(metatable)"); }

    @Override
    public void upvalue(int index, Upvalue cell) {
        if (cell == null) return;
        String name = FunctionImages.upvalueName((LuaFunction) node, index);
        reach(cell.get(), "(upvalue '" + (name == null ? "?" : name) + "')");
    }

    @Override
    public void userValue(Object v) { reach(v, "(user value)"); }

    private void reach(Object v, String label) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return;
        if (parents.containsKey(v)) return;
        parents.put(v, new Edge(node, label));
        if (targets.contains(v)) {
            found.put(v, path(v, parents));
            return;
        }
        if (host.nameOf(v) == null && (v instanceof LuaTable || v instanceof LuaUserdata || FunctionImages.isLua(v))) queue.add(v);
    }

    private static String path(Object v, IdentityHashMap<Object, Edge> parents) {
        List<String> labels = new ArrayList<>();
        for (Object o = v; o != null; ) {
            Edge e = parents.get(o);
            labels.add(e.label());
            o = e.parent();
        }
        Collections.reverse(labels);
        return String.join("", labels);
    }

    static String keyLabel(Object key) {
        return switch (key) {
            case String s when NAME.matcher(s).matches() && !RESERVED.contains(s) -> "." + s;
            case String s -> "[" + quote(s) + "]";
            case Long l -> "[" + l + "]";
            case Double d -> "[" + Lua.numberToString(d) + "]";
            case Boolean b -> "[" + b + "]";
            default -> "[" + Lua.typeName(key) + " key]";
        };
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c >= 0x7F) b.append('\\').append((int) c);
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
