return {
    id = "s",
    title = "S",
    description = "d",
    difficulty = 1,
    prompts = { ("I am sad. "):rep(60000) },
    examples = { { reply = ("I hear you. "):rep(50000), moves = {} } },
}
