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

import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.NumFmt;

/**
 * Names where values sit, for error messages: a breadth-first search from the
 * root tables gives each target a shortest path such as
 * {@code _G.players[3].co}, {@code _G.f(upvalue 'co')},
 * {@code _G.obj(metatable).__index}. Only runs when something could not be
 * saved, so it keeps the parent links the encoder does not need.
 */
final class PathFinder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("and", "break", "do", "else", "elseif", "end", "false", "for",
            "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while");

    private record Edge(Object parent, String label) {}

    private PathFinder() {}

    /** Paths of the targets reachable from the roots, in the order found. */
    static Map<Object, String> find(HostIndex host, List<HostIndex.Root> roots, Set<Object> targets) {
        IdentityHashMap<Object, Edge> parents = new IdentityHashMap<>();
        Map<Object, String> found = new LinkedHashMap<>();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        for (HostIndex.Root r : roots) {
            parents.put(r.table(), new Edge(null, r.name()));
            queue.add(r.table());
        }
        Object[] kv = new Object[2];
        while (!queue.isEmpty() && found.size() < targets.size()) {
            Object node = queue.poll();
            switch (node) {
                case LuaTable t -> {
                    for (Object k = null; t.next(k, kv); k = kv[0]) {
                        Object key = kv[0], value = kv[1];
                        reach(node, key, "(key)", host, parents, queue, targets, found);
                        reach(node, value, keyLabel(key), host, parents, queue, targets, found);
                    }
                    reach(node, t.getMetatable(), "(metatable)", host, parents, queue, targets, found);
                }
                case LuaClosure c -> {
                    String[] names = c.proto.upvalNames;
                    for (int i = 0; i < c.upvals.length; i++) {
                        Cell cell = c.upvals[i];
                        if (cell == null) continue;
                        String name = names != null && i < names.length && names[i] != null ? names[i] : "?";
                        reach(node, cell.v, "(upvalue '" + name + "')", host, parents, queue, targets, found);
                    }
                }
                case LuaUserdata u -> {
                    reach(node, u.metatable, "(metatable)", host, parents, queue, targets, found);
                    reach(node, u.userValue, "(user value)", host, parents, queue, targets, found);
                }
                default -> {}
            }
        }
        return found;
    }

    private static void reach(Object parent, Object v, String label, HostIndex host, IdentityHashMap<Object, Edge> parents,
            ArrayDeque<Object> queue, Set<Object> targets, Map<Object, String> found) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return;
        if (parents.containsKey(v)) return;
        parents.put(v, new Edge(parent, label));
        if (targets.contains(v)) {
            found.put(v, path(v, parents));
            return;
        }
        if (host.nameOf(v) == null) queue.add(v);
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
            case Double d -> "[" + NumFmt.tostr(d) + "]";
            case Boolean b -> "[" + b + "]";
            default -> "[" + org.luahost.vm.Lua.typeName(key) + " key]";
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
