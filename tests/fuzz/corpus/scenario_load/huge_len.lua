-- A __len of 2^50 handed to every table function, and a C function as __index.
local t = setmetatable({}, { __len = function() return 1 << 50 end, __index = rawlen })
pcall(table.insert, t, 1, "x")
pcall(table.remove, t, 1)
local ok, joined = pcall(table.concat, t, ",")
pcall(table.move, t, 1, 1 << 40, 2)
pcall(table.unpack, t)
pcall(table.sort, t)
return { id = "huge_len", title = tostring(ok), description = tostring(joined):sub(1, 40),
  difficulty = 1 }
