-- A deliberately broken scenario for the tests: its play keeps every line it makes in a
-- table that never stops growing (line 15). The sandbox's memory cap stops it. Not in
-- scripts/.
return {
    id = "memory_bomb",
    title = "A scenario that eats memory",
    description = "Used by the tests to check error messages.",
    difficulty = 1,

    play = function(heard, scenario, floor)
        local lines = {}
        local n = 0
        while true do
            n = n + 1
            lines[n] = { text = "Line " .. n }
        end
    end,
}
