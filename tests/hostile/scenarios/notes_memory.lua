-- Notes the game keeps count against the scenario's memory cap: a scenario holding 50 MB
-- of its own strings has room for a few megabyte notes, not fifteen (each within the note
-- limit, and all of them within the 16 MiB a session keeps): the cap stops it at the line
-- of the note that no longer fits.
local hoard = {}

local function two_turns(heard)
    local c, a = heard.customer(), heard.agent()
    local words = heard.ask({ player = c, role = "customer", title = "Say what bothers you" })
    heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
    local reply = heard.ask({ player = a, role = "agent", title = "Say back what you heard" })
    heard.turn({ player = a, role = "agent", kind = "reply", text = reply, context = words })
    heard.rate({ player = c, title = "Did they get it?" })
end

return {
    id = "notes_memory",
    title = "Hostile: notes_memory",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    play = function(heard)
        two_turns(heard)
        for i = 1, 50 do hoard[i] = ("h"):rep(1000000 - i) end
        for i = 1, 15 do heard.say(("n"):rep(1000000 - i)) end
    end,
}
