-- A comment saved by an editor in Latin-1: café.

return {
    id = "latin1_comment",
    title = "Hostile: latin1_comment",
    description = "A hostile case (tests/unit/test_hostile_files.c).",
    difficulty = 1,
}
