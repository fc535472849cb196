return {
    id = "s",
    title = "S",
    description = "d",
    difficulty = 1,
    prompts = { "caf\xE9", "\0" },
    hints = { "\xC0\xAF" },
}
