-- The scenario table itself has an __index that raises for every field it lacks. The game
-- reads the table with raw access, so the trap never fires and the game plays on.
-- hostile: turns 2
-- hostile: message -
return setmetatable({
    id = "load_index",
    title = "Hostile: load_index",
    description = "A trap for the sandbox (tests/unit/test_hostile.c).",
    difficulty = 1,
}, { __index = function(t, k) error("no field " .. tostring(k)) end })
