package org.luahost.cli.fuzz;

/**
 * The Lua text every generated program starts with: {@code show} (a value as
 * deterministic text: strings quoted with {@code %q}, tables by their sorted
 * contents, never an address), {@code P} (prints its arguments through
 * {@code show}, the count included so trailing nils show), {@code tag} (a
 * short name for objects, used by the metamethods) and {@code spairs}
 * (pairs in sorted key order).
 */
final class Prelude {
    private Prelude() {}

    static final String TEXT = """
            local function keyless(a, b)
              local ta, tb = type(a), type(b)
              if ta ~= tb then return ta < tb end
              if ta == "number" or ta == "string" then return a < b end
              if ta == "boolean" then return (not a) and b end
              return false
            end
            local function sortedkeys(t)
              local keys, opaque = {}, 0
              for k in next, t do
                local tk = type(k)
                if tk == "number" or tk == "string" or tk == "boolean" then keys[#keys + 1] = k else opaque = opaque + 1 end
              end
              table.sort(keys, keyless)
              return keys, opaque
            end
            local show
            function show(v, d)
              d = d or 0
              local t = type(v)
              if t == "string" then return string.format("%q", v) end
              if t == "table" then
                local mt = getmetatable(v)
                if type(mt) == "table" and rawget(mt, "__tostring") then return "<" .. tostring(v) .. ">" end
                if d >= 2 then return "{..}" end
                local keys, opaque = sortedkeys(v)
                local parts = {}
                for i, k in ipairs(keys) do parts[i] = show(k, 2) .. "=" .. show(rawget(v, k), d + 1) end
                if opaque > 0 then parts[#parts + 1] = "+" .. opaque end
                return "{" .. table.concat(parts, ",") .. "}"
              end
              if t == "function" or t == "thread" or t == "userdata" then return t end
              return tostring(v)
            end
            local function P(...)
              local n = select("#", ...)
              local parts = {}
              for i = 1, n do parts[i] = show((select(i, ...))) end
              print(n .. ":", table.concat(parts, " "))
            end
            local function tag(v)
              if type(v) == "table" then return "#" .. tostring(rawget(v, "id")) end
              return show(v)
            end
            local function nz(v)
              if v == 0 then return 1 end
              return v
            end
            local function spairs(t)
              local keys = sortedkeys(t)
              local i = 0
              return function()
                i = i + 1
                local k = keys[i]
                if k ~= nil then return k, rawget(t, k) end
              end
            end
            """;
}
