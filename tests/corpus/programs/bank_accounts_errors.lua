local Account = {}
Account.__index = Account
local InsufficientFunds = setmetatable({}, {__tostring = function() return "InsufficientFunds" end})
function Account.new(owner, balance)
  if type(owner) ~= "string" then error("owner must be a string", 2) end
  return setmetatable({owner = owner, balance = balance or 0, log = {}}, Account)
end
function Account:deposit(n)
  if type(n) ~= "number" or n <= 0 then error("invalid amount: " .. tostring(n), 2) end
  self.balance = self.balance + n
  self.log[#self.log + 1] = "+" .. n
end
function Account:withdraw(n)
  if n > self.balance then error({kind = InsufficientFunds, need = n - self.balance}) end
  self.balance = self.balance - n
  self.log[#self.log + 1] = "-" .. n
end
local function transfer(from, to, n)
  local ok, err = pcall(from.withdraw, from, n)
  if not ok then
    if type(err) == "table" and err.kind == InsufficientFunds then
      return false, string.format("%s lacks %d", from.owner, err.need)
    end
    error(err, 0)
  end
  to:deposit(n)
  return true
end
local a, b = Account.new("alice", 100), Account.new("bob")
print(transfer(a, b, 30))
print(transfer(b, a, 50))
print(transfer(a, b, 70))
print(a.balance, b.balance, table.concat(a.log, " "), table.concat(b.log, " "))
print(pcall(Account.new, 42))
print(pcall(function() a:deposit(-5) end))
print(pcall(function() a:deposit("ten") end))
print(pcall(transfer, a, nil, 0))
