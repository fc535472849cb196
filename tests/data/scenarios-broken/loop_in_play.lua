-- A deliberately broken scenario for the tests: its play asks once, then waits in a loop
-- that never ends (line 15): `done` is never set. The sandbox stops it. Not in scripts/.
return {
    id = "loop_in_play",
    title = "A scenario whose flow never ends",
    description = "Used by the tests to check error messages.",
    difficulty = 1,

    play = function(heard, scenario, floor)
        local c = heard.customer()
        local words = heard.ask({ player = c, role = "customer", title = "What's wrong?" })
        heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
        local done = false
        local count = 0
        while not done do count = count + 1 end
    end,
}
