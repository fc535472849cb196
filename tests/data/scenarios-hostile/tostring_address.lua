-- Notes that show tables and functions with tostring, print and %p: they read the same in
-- every run, so the session replays identically.
-- hostile: turns 2
-- hostile: message -
-- hostile: verify
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
    id = "tostring_address",
    title = "Hostile: tostring_address",
    description = "A trap for the sandbox (tests/unit/test_hostile.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        heard.say("shown: " .. tostring({}) .. " " .. tostring(print) .. " "
            .. string.format("%p %s", heard, heard.say))
        print(heard, {})
        heard.ask({ player = heard.customer(), role = "customer", title = "One more?" })
    end,
}
