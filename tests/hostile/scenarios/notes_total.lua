-- Twenty notes of a megabyte each: every one is within the limit of a note, together
-- they pass the 16 MiB of text a session keeps.
local function two_turns(heard)
    local c, a = heard.customer(), heard.agent()
    local words = heard.ask({ player = c, role = "customer", title = "Say what bothers you" })
    heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
    local reply = heard.ask({ player = a, role = "agent", title = "Say back what you heard" })
    heard.turn({ player = a, role = "agent", kind = "reply", text = reply, context = words })
    heard.rate({ player = c, title = "Did they get it?" })
end

return {
    id = "notes_total",
    title = "Hostile: notes_total",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        local note = ("n"):rep(1000000)
        for i = 1, 20 do heard.say(note) end
    end,
}
