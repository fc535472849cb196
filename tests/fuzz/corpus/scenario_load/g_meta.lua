setmetatable(_G, { __index = function(t, k) return k end })
return { id = id, title = title, description = description, difficulty = 1 }
