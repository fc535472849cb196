-- A deliberately broken scenario for the tests: the loop on line 5 never ends, because
-- `i` is never changed. The sandbox stops it. Not in scripts/.
local prompts = {}
local i = 1
while i <= 3 do prompts[#prompts + 1] = "Prompt number " .. i end

return {
    id = "loop_at_load",
    title = "A scenario that never finishes loading",
    description = "Used by the tests to check error messages.",
    difficulty = 1,
    prompts = prompts,
}
