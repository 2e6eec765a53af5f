-- A chat room for `luahost serve`: every player is a session (its id is the
-- player's name) and every room is a session (id "room:<name>") that relays
-- what its members say. One script plays both parts.
--
--   ./luahost serve examples/chat/chat.lua --port 8080
--   WebSocket ws://localhost:8080/sessions/ann/ws, then send
--     {"join": "lobby"}      enter a room
--     {"say": "hello"}       talk to everyone in it
--   each player's WebSocket receives {"from": ..., "text": ...} frames.
--
-- Over HTTP only the functions a script exports can be called: a room
-- exports `who` (POST /sessions/room:lobby/call/who); `join` and `leave` are
-- for players' sessions (host.call), not for clients.
--
-- Sessions are saved (serve --data): the globals below are restored before the
-- script runs again, so they are only initialised when missing.
-- From Java: examples/run ChatExample.

local is_room = host.id():sub(1, 5) == "room:"

if is_room then
  members = members or {}   -- name -> true
  history = history or {}   -- the last 20 lines

  function join(name)
    members[name] = true
    for _, line in ipairs(history) do host.send(name, "said", line.from, line.text) end
    return #history
  end

  function leave(name) members[name] = nil end

  function on_message(from, what, who, text)
    if what == "say" and members[who] then
      history[#history + 1] = {from = who, text = text}
      if #history > 20 then table.remove(history, 1) end
      for name in pairs(members) do host.send(name, "said", who, text) end
    end
  end

  function who() local t = {} for name in pairs(members) do t[#t + 1] = name end table.sort(t) return t end
  host.export{who = who}
else
  -- room: the room this player is in (nil at first)

  function on_message(from, msg, who, text)
    -- the gateway names a client "ws"/"http", or "ws:NAME"/"http:NAME" with authentication; Java sends nil
    if from == nil or from == "ws" or from == "http" or from:find("^ws:") or from:find("^http:") then
      if type(msg) ~= "table" then return end
      if msg.join then
        if room then host.call(room, "leave", host.id()) end
        room = "room:" .. msg.join
        local seen = host.call(room, "join", host.id())
        host.push({joined = msg.join, backlog = seen})
      elseif msg.say and room then
        host.send(room, "say", host.id(), tostring(msg.say))
      end
    elseif msg == "said" then                                -- relayed by the room
      host.push({from = who, text = text})
    end
  end
end
