-- A deliberately broken scenario for the tests: it has no id, and the loader must ask for
-- one at the line of the `return`. Not in scripts/.
return {
    title = "A scenario without an id",
    description = "Used by the tests to check error messages.",
    difficulty = 1,
}
