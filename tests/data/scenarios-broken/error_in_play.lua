-- A deliberately broken scenario for the tests: its play asks once, then does arithmetic
-- on a field the scenario does not have (line 16). Not in scripts/.
return {
    id = "error_in_play",
    title = "A scenario whose flow fails",
    description = "Used by the tests to check error messages.",
    difficulty = 1,

    play = function(heard, scenario, floor)
        local c = heard.customer()
        local words = heard.ask({ player = c, role = "customer", title = "What's wrong?" })
        heard.turn({ player = c, role = "customer", kind = "startup", text = words, context = "" })
        -- the mistake: the field is `rounds`, so scenario.round_count is nil
        for r = 1, scenario.rounds do
            heard.say("Round " .. r)
            local left = scenario.round_count - r
            heard.say(left .. " rounds to go")
        end
    end,
}
