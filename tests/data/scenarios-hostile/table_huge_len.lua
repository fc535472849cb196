-- table.insert at the front of a table whose __len claims 2^50 elements.
-- hostile: turns 2
-- hostile: message the last in table.insert
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
    id = "table_huge_len",
    title = "Hostile: table_huge_len",
    description = "A trap for the sandbox (tests/unit/test_hostile.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        local t = setmetatable({}, { __len = function() return 1 << 50 end })
        table.insert(t, 1, "first")
    end,
}
