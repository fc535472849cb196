-- A deliberately broken scenario for the tests: its rule adds a move whose name is
-- misspelled (line 12), found when heard check scores the example. Not in scripts/.
return {
    id = "error_in_rule",
    title = "A scenario whose rule fails",
    description = "Used by the tests to check error messages.",
    difficulty = 1,

    rules = function(turn, moves, add, drop)
        if turn.text:find("sorry", 1, true) then
            -- the mistake: the move is called "apology"
            add("apologies", 2, "You said sorry")
        end
    end,

    examples = {
        {
            context = "The kettle I bought last week leaks all over the counter.",
            reply = "I'm sorry the kettle leaked all over your counter.",
            moves = { "apology" },
        },
    },
}
