-- An __index chain of 1999 tables read in a loop: work inside Lua's virtual machine that the
-- count sees as one instruction; the processor-time limit stops it.
-- hostile: turns 2
-- hostile: message ms of processor time in one step
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
    id = "index_chain",
    title = "Hostile: index_chain",
    description = "A trap for the sandbox (tests/unit/test_hostile.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        local chain = {}
        for i = 1, 1999 do chain[i] = setmetatable({}, { __index = chain[i - 1] }) end
        local last = chain[1999]
        while true do local _ = last.missing end
    end,
}
