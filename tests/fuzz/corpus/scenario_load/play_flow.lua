return {
  id = "own_flow", title = "Own flow", description = "A play function.", difficulty = 2, rounds = 1,
  turn_seconds = 60, points = { reflection = 5, counter_complaint = -9 },
  prompts = { "One", "Two" }, hints = { "Listen." },
  rules = function(turn, moves, add) if #turn.text > 3 then add("check", 1, "long") end end,
  play = function(heard, scenario, floor)
    local t = heard.ask({ player = heard.customer(), role = "customer", title = "Go" })
    heard.turn({ player = heard.customer(), role = "customer", kind = "startup", text = t, context = "" })
  end,
}
