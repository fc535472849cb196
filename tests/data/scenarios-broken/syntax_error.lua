-- A deliberately broken scenario for the tests: the comma after the title is missing, so
-- Lua stops at line 6, where the next field starts. Not in scripts/.
return {
    id = "syntax_error",
    title = "A scenario with a missing comma"
    description = "Used by the tests to check error messages.",
    difficulty = 1,
}
