-- Tables and functions shown by tostring, print and %p: the same text in every run.
local shown = tostring({}) .. tostring(print) .. string.format("%p %s %-8p", {}, {}, nil)
print(shown, {}, print)
return { id = "tostring_shown", title = shown:sub(1, 30), description = tostring(shown),
  difficulty = 1 }
