-- registry._HOOKKEY inside a coroutine: the hook of the running coroutine is keyed by the value
-- coroutine.running() gives (found by CorpusModesTest, the corpus run inside a coroutine)
local function h() end
local co = coroutine.wrap(function()
  debug.sethook(h, "c")
  local hk = debug.getregistry()._HOOKKEY
  local me = coroutine.running()
  print(hk[me] == h, select(2, debug.gethook()))
  local threads = 0
  for k, v in pairs(hk) do
    if type(k) == "thread" then threads = threads + 1; print(k == me, v == h) end
  end
  print(threads)
  debug.sethook()
  print(hk[me])
end)
co()
print(debug.gethook())
