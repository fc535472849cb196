-- Patterns that backtrack, in the file and in the scenario's own scoring rule.
local text = ("a"):rep(2e4)
local found = text:find(".-.-.-b") or text:match("(a*)(a*)b") or text:gsub("a-b", "")
return { id = "backtrack", title = tostring(found):sub(1, 20), description = "patterns",
  difficulty = 1, rules = { function(f, moves, add)
    for w in (f.text or text):gmatch("%f[%w]%w+.-.-b") do add("check", w) end
  end } }
