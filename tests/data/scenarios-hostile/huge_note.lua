-- A megabyte-long note in the transcript (just within the 1 MiB a note may hold) and a
-- megabyte-long title and hint on the ask: all reach the screen, which must still draw in
-- good time; the game plays on without an error.
-- hostile: turns 2
-- hostile: message -
-- The first two turns as any flow plays them: a startup and a reply, both committed to the
-- session file before the customer rates the reply; the trap fires after the rating.
local function two_turns(heard)
    local c, a = heard.customer(), heard.agent()
    local words = heard.ask({ player = c, role = "customer", title = "Say what bothers you" })
    heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
    local reply = heard.ask({ player = a, role = "agent", title = "Say back what you heard" })
    heard.turn({ player = a, role = "agent", kind = "reply", text = reply, context = words })
    heard.rate({ player = c, title = "Did they get it?" })
end

return {
    id = "huge_note",
    title = "Hostile: huge_note",
    description = "A trap for the sandbox (tests/unit/test_hostile.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        heard.say(("a long note "):rep(87000))
        heard.ask({ player = heard.customer(), role = "customer", title = ("T"):rep(1000000),
                    hint = ("h"):rep(1000000), prompts = { ("p"):rep(2000), "short" } })
    end,
}
