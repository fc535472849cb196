-- A deliberately broken scenario for the tests: line 5 calls a function that does not
-- exist while the file loads. Not in scripts/.
local prompts = {
    "The bins were not taken out.",
    make_prompt("the recycling"),
}

return {
    id = "error_at_load",
    title = "A scenario that fails while loading",
    description = "Used by the tests to check error messages.",
    difficulty = 1,
    prompts = prompts,
}
