-- SIGTERM while the scenario is busy inside one step (an __index chain read in a loop: work
-- that only the 10 s processor-time limit would end). The game used to ignore the signal
-- until the step ended; now the scenario stops at its next instruction, the game closes,
-- and the startup and reply it had saved are all there.
local function two_turns(heard)
    local c, a = heard.customer(), heard.agent()
    local words = heard.ask({ player = c, role = "customer", title = "Say what bothers you" })
    heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
    local reply = heard.ask({ player = a, role = "agent", title = "Say back what you heard" })
    heard.turn({ player = a, role = "agent", kind = "reply", text = reply, context = words })
    heard.rate({ player = c, title = "Did they get it?" })
end

return {
    id = "sigterm_in_loop",
    title = "Hostile: sigterm_in_loop",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        local chain = {}
        for i = 1, 1999 do chain[i] = setmetatable({}, { __index = chain[i - 1] }) end
        local last = chain[1999]
        print("looping")
        while true do local _ = last.missing end
    end,
}
