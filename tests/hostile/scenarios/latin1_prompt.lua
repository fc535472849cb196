-- A prompt written in Latin-1.

return {
    id = "latin1_prompt",
    title = "Hostile: latin1_prompt",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    prompts = { "Tu as oublié le café" },
}
