local x <close> = setmetatable({}, { __close = function() error("closing") end })
return { id = "c", title = "c", description = "c", difficulty = 1 }
