-- Raises a table with a __tostring that loops, while loading.
-- hostile: turns 0
-- hostile: message table value
error(setmetatable({}, { __tostring = function() while true do end end }))
