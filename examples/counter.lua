-- A counter that survives restarts. Run it several times:
--   ./luahost run examples/counter.lua      --> 1, then 2, then 3, ...
-- The session (named "counter" after the script; --session NAME to choose)
-- is saved in ./.luahost/sessions.db (--data DIR to choose).
count = (count or 0) + 1
print(count)
