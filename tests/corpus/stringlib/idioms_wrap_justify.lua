-- word wrapping and column formatting
local function wrap(s, width)
  local lines, line = {}, ""
  for word in s:gmatch("%S+") do
    if #line + #word + 1 > width and #line > 0 then lines[#lines + 1] = line; line = word
    else line = (#line > 0) and (line .. " " .. word) or word end
  end
  if #line > 0 then lines[#lines + 1] = line end
  return lines
end
local lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
for i, l in ipairs(wrap(lorem, 30)) do print(string.format("%2d|%-30s|%30s|", i, l, l)) end
local rows = {{"name", "qty", "price"}, {"apple", 3, 0.5}, {"banana", 12, 0.25}, {"cherry", 100, 12.125}}
for _, r in ipairs(rows) do
  if type(r[2]) == "number" then print(string.format("%-10s%5d%10.2f", r[1], r[2], r[3]))
  else print(string.format("%-10s%5s%10s", r[1], r[2], r[3])) end
end
print(("="):rep(25), ("-"):rep(5, "+"))
