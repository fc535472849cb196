-- A deliberately broken scenario for the tests: it tries to read its prompts from a file
-- (line 4). Scenarios cannot use io. Not in scripts/.
local prompts = {}
for line in io.open("prompts.txt"):lines() do
    prompts[#prompts + 1] = line
end

return {
    id = "forbidden_io",
    title = "A scenario that reads a file",
    description = "Used by the tests to check error messages.",
    difficulty = 1,
    prompts = prompts,
}
