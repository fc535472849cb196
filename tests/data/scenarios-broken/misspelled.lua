-- A deliberately broken scenario for the tests: "promts" is a typo for "prompts", and
-- the loader must say so with this file's line 8 and a suggestion. Not in scripts/.
return {
    id = "misspelled",
    title = "A scenario with a typo",
    description = "Used by the tests to check error messages.",
    difficulty = 2,
    promts = { "The bins were not taken out." },
}
