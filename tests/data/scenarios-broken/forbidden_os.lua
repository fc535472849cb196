-- A deliberately broken scenario for the tests: its play runs a program (line 12).
-- Scenarios cannot use os. Not in scripts/.
return {
    id = "forbidden_os",
    title = "A scenario that runs a program",
    description = "Used by the tests to check error messages.",
    difficulty = 1,

    play = function(heard, scenario, floor)
        local c = heard.customer()
        heard.ask({ player = c, role = "customer", title = "What's wrong?" })
        os.execute("say 'well done'")
    end,
}
