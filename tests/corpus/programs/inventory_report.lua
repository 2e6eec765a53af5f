local records = {
  {sku = "A-100", name = "widget", qty = 12, price = 2.50, cat = "tools"},
  {sku = "B-220", name = "gadget", qty = 0, price = 12.00, cat = "toys"},
  {sku = "A-101", name = "wrench", qty = 4, price = 8.75, cat = "tools"},
  {sku = "C-330", name = "doohickey", qty = 30, price = 0.99, cat = "misc"},
  {sku = "B-221", name = "gizmo", qty = 7, price = 15.25, cat = "toys"},
}
local by_cat = {}
for _, r in ipairs(records) do
  local c = by_cat[r.cat] or {items = {}, value = 0, count = 0}
  by_cat[r.cat] = c
  c.items[#c.items + 1] = r
  c.value = c.value + r.qty * r.price
  c.count = c.count + r.qty
end
local cats = {}
for name in pairs(by_cat) do cats[#cats + 1] = name end
table.sort(cats)
print(string.format("%-10s %-10s %5s %8s", "category", "item", "qty", "value"))
print(string.rep("-", 36))
local grand = 0
for _, name in ipairs(cats) do
  local c = by_cat[name]
  table.sort(c.items, function(a, b) return a.sku < b.sku end)
  for _, r in ipairs(c.items) do
    print(string.format("%-10s %-10s %5d %8.2f%s", name, r.name, r.qty, r.qty * r.price, r.qty == 0 and " (out)" or ""))
  end
  print(string.format("%-10s %-10s %5d %8.2f", "", "subtotal", c.count, c.value))
  grand = grand + c.value
end
print(string.rep("-", 36))
print(string.format("%-21s %14.2f", "total", grand))
