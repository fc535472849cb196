-- An endless loop at load, before the file returns its table.
-- hostile: turns 0
-- hostile: message ran too long
while true do end
