local db = {
  users = {
    {name = "ann", roles = {"admin", "dev"}},
    {name = "bob", roles = {"dev"}},
  },
  settings = {theme = {color = "dark", size = 12}},
}
for i, u in ipairs(db.users) do print(i, u.name, table.concat(u.roles, "+")) end
print(db.settings.theme.color, db.settings.theme.size)
db.settings.theme.size = db.settings.theme.size + 1
print(db["settings"]["theme"]["size"])
local grid = {}
for r = 1, 3 do grid[r] = {} for c = 1, 3 do grid[r][c] = r * c end end
for r = 1, 3 do print(table.concat(grid[r], " ")) end
