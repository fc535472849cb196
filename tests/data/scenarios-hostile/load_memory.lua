-- A memory bomb at load: one string that doubles until the cap stops it.
-- hostile: turns 0
-- hostile: message memory
local s = "x"
while true do s = s .. s end
