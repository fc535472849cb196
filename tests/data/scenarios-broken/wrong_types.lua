-- A deliberately broken scenario for the tests: rounds is written as a word, not a number,
-- and the loader must say so at line 8. Not in scripts/.
return {
    id = "wrong_types",
    title = "A scenario with a word for a number",
    description = "Used by the tests to check error messages.",
    difficulty = 2,
    rounds = "two",
}
