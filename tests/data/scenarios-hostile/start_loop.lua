-- The play function loops before it asks anything, so the game cannot start at all.
-- hostile: turns 0
-- hostile: message ran too long
return {
    id = "start_loop",
    title = "Hostile: start_loop",
    description = "A trap for the sandbox (tests/unit/test_hostile.c).",
    difficulty = 1,
    play = function(heard)
        while true do end
    end,
}
