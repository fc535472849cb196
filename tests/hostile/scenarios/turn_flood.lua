-- 200,000 scored turns in one step: they used to take 11 s to check, and play wrote
-- thousands before anything stopped it.
local function two_turns(heard)
    local c, a = heard.customer(), heard.agent()
    local words = heard.ask({ player = c, role = "customer", title = "Say what bothers you" })
    heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
    local reply = heard.ask({ player = a, role = "agent", title = "Say back what you heard" })
    heard.turn({ player = a, role = "agent", kind = "reply", text = reply, context = words })
    heard.rate({ player = c, title = "Did they get it?" })
end

return {
    id = "turn_flood",
    title = "Hostile: turn_flood",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        for i = 1, 200000 do heard.turn({ player = 1, kind = "reply", text = "ok" }) end
    end,
}
