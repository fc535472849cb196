-- A deliberately broken scenario for the tests: `author` is not a field of a scenario and
-- is not close to one, so the loader names it at line 8 without a suggestion. Not in
-- scripts/.
return {
    id = "unknown_field",
    title = "A scenario with a field the game does not know",
    description = "Used by the tests to check error messages.",
    author = "Sam",
    difficulty = 1,
}
