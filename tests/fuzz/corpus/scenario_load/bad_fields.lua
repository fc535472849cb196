return { id = "bad id!", title = 3, description = "two\nlines", difficulty = 9, rounds = 0,
  prompts = "not a list", points = { nonsense = 1, reflection = "x" }, turn_seconds = 2,
  examples = { { context = 1, reply = nil, role = "boss", moves = { "reflection", "nope" } } },
  extra = true }
