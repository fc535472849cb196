local s = ("ab"):rep(100)
return { id = s:gsub("a", "c"):sub(1, 10), title = s:upper():sub(1,5), description = ("%q"):format(s:find("b+", 3)), difficulty = #s % 4 + 1 }
