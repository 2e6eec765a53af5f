-- fetch.lua: plain sequential Lua reading from a Java asynchronous service.
--
-- http.get(path) is a Java function (FetchExample.java) built on Vert.x's HTTP
-- client: it returns a future, and the bridge makes the call look synchronous.
-- While a request is in flight this Lua thread (a virtual thread) is parked;
-- no thread is blocked and the Vert.x event loop keeps serving requests.

local total = 0
for _, item in ipairs({"apple", "pear", "plum"}) do
  local status, body = http.get("/price/" .. item)
  print(item, status, body)
  total = total + tonumber(body)
end
print("total", total)

-- a status that is not 200 is just a value
print("durian", http.get("/price/durian"))

-- a wait can have a deadline: expiry is a Lua error, caught here by pcall
print("slow service", pcall(async.timeout, 0.2, http.get, "/slow"))

-- a failed future (here: nobody listens on port 1) is a Lua error with the Java message
local ok, err = pcall(http.get, "/price/apple", 1)
print("wrong port", ok, err)

-- coroutines wait too: a generator that pages through a listing
local function pages()
  return coroutine.wrap(function()
    local n = 1
    while true do
      local status, body = http.get("/page/" .. n)
      if status ~= 200 then return end
      coroutine.yield(n, body)
      n = n + 1
    end
  end)
end
for n, body in pages() do print("page", n, body) end
