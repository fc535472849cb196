-- A prompt of 200,000 short sentences (600 KB): picked with Ctrl+1, it would be the
-- startup the rules read. Prompts are a player's words: at most 2,000 bytes.

return {
    id = "long_prompt",
    title = "Hostile: long_prompt",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
    prompts = { ("I am sad. "):rep(60000) },
}
