-- An example whose reply is 200,000 sentences: `heard check` would hand it to the rules.

return {
    id = "long_example",
    title = "Hostile: long_example",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    examples = {
        { context = "I am sad.", reply = ("I hear you. "):rep(50000), moves = {} },
    },
}
