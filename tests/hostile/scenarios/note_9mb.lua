-- A 9 MB note: its line in the session file would be longer than any reader takes.
local function two_turns(heard)
    local c, a = heard.customer(), heard.agent()
    local words = heard.ask({ player = c, role = "customer", title = "Say what bothers you" })
    heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
    local reply = heard.ask({ player = a, role = "agent", title = "Say back what you heard" })
    heard.turn({ player = a, role = "agent", kind = "reply", text = reply, context = words })
    heard.rate({ player = c, title = "Did they get it?" })
end

return {
    id = "note_9mb",
    title = "Hostile: note_9mb",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        heard.say(("a note "):rep(1300000))
    end,
}
