-- An empty string repeated 2^63 times (Lua's own rep loops 2^63 times to build nothing).
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
    id = "rep_empty",
    title = "Hostile: rep_empty",
    description = "A trap for the sandbox (tests/unit/test_hostile.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        local nothing = string.rep("", math.maxinteger) .. string.rep("", math.maxinteger, "")
        heard.say("nothing: [" .. nothing .. "]")
    end,
}
