-- a template engine built on gsub with function and table replacements
local function render(tpl, env)
  tpl = tpl:gsub("{{%s*([%w_%.]+)%s*}}", function(path)
    local v = env
    for key in path:gmatch("[^%.]+") do
      if type(v) ~= "table" then return "?" end
      v = v[key]
    end
    return v == nil and "" or tostring(v)
  end)
  tpl = tpl:gsub("{%%%s*for (%w+) in (%w+)%s*%%}(.-){%%%s*end%s*%%}", function(var, list, body)
    local out = {}
    for i, item in ipairs(env[list] or {}) do
      out[i] = (body:gsub("%$" .. var, tostring(item)))
    end
    return table.concat(out)
  end)
  return tpl
end
local env = {user = {name = "Ada", langs = 3}, items = {"x", "y", "z"}, n = 42}
print(render("Hello {{ user.name }}! You know {{user.langs}} languages. {{missing}}|{{n.deep}}", env))
print(render("<ul>{% for it in items %}<li>$it</li>{% end %}</ul>", env))
print(render("no tags at all", env))
