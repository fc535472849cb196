local a = string.dump
return { id = "x", title = tostring(a), description = ("x"):rep(300), difficulty = 1, rounds = 20, hints = { ("y"):rep(5000) } }
