-- A rule that makes the moves list it is handed look endless: keys at every power of two
-- up to 2^50 give the table a length of about 2^50. add() then refills the list: the game
-- used to clear it up to that length, one entry at a time, and never finished. The list is
-- only ever cleared up to the 16 moves a reply may hold, so the rule runs at once, in
-- `heard check`'s examples, in play and in replay.
local function endless(moves)
    for k = 0, 50 do
        moves[1 << k] = true
        moves[(1 << k) + 1] = true
    end
    print("length", #moves)
end

local function two_turns(heard)
    local c, a = heard.customer(), heard.agent()
    local words = heard.ask({ player = c, role = "customer", title = "Say what bothers you" })
    heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
    local reply = heard.ask({ player = a, role = "agent", title = "Say back what you heard" })
    heard.turn({ player = a, role = "agent", kind = "reply", text = reply, context = words })
    heard.rate({ player = c, title = "Did they get it?" })
end

return {
    id = "fill_moves_len",
    title = "Hostile: fill_moves_len",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    examples = {
        { context = "I want a new microwave.", reply = "You want a new microwave.",
          moves = { "reflection", "apology" } },
    },
    rules = function(turn, moves, add, drop)
        endless(moves)
        add("apology", 2, "A rule added this after making the list endless")
        drop("apology")
        add("apology", 2, "And added it again")
    end,
    play = function(heard)
        two_turns(heard)
    end,
}
