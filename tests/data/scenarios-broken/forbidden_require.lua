-- A deliberately broken scenario for the tests: it loads its prompts from another file
-- (line 3). Scenarios cannot require files. Not in scripts/.
local shared = require("shared_prompts")

return {
    id = "forbidden_require",
    title = "A scenario that loads another file",
    description = "Used by the tests to check error messages.",
    difficulty = 1,
    prompts = shared.prompts,
}
