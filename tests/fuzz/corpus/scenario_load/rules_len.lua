return {
    id = "s",
    title = "S",
    description = "d",
    difficulty = 1,
    rules = function(turn, moves, add, drop)
        for k = 0, 50 do moves[1 << k] = true end
        add("apology", 2, "r")
    end,
    play = function(heard)
        for i = 1, 1500000 do heard.say("x") end
    end,
}
