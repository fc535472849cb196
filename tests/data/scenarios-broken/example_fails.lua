-- A deliberately broken scenario for the tests: its second example expects a reflection
-- from a bare "Okay." (line 24), which restates nothing. Not in scripts/.
return {
    id = "example_fails",
    title = "A scenario with an example that does not pass",
    description = "Used by the tests to check error messages.",
    difficulty = 1,

    prompts = {
        "I want a new microwave, ours broke again.",
    },

    examples = {
        {
            context = "I want a new microwave, ours broke again.",
            reply = "Well, my toaster doesn't work either.",
            role = "agent",
            moves = { "counter_complaint" },
        },
        {
            context = "I want a new microwave, ours broke again.",
            reply = "Okay.",
            role = "agent",
            moves = { "reflection" },
        },
    },
}
