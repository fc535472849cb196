-- A title built with an escape: Lua accepts it, the game cannot show or save it.

return {
    id = "escaped_title",
    title = "Caf\xE9",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
}
