-- A flow busy with work that only the processor-time limit would end: `heard check`'s
-- watchdog (its processor seconds per file, set to 1 here) comes first. It once printed
-- plain text in place of its JSON, skipped the files after it and blamed a string pattern
-- for every hang; now it stops the scenario at its line, the file fails with that message,
-- and the next file is checked.
local function busy()
    local chain = {}
    for i = 1, 1999 do chain[i] = setmetatable({}, { __index = chain[i - 1] }) end
    local last = chain[1999]
    while true do local _ = last.missing end
end

return {
    id = "check_watchdog",
    title = "Hostile: check_watchdog",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    play = function(heard)
        heard.ask({ player = heard.customer(), title = "Say what bothers you" })
        busy()
    end,
}
