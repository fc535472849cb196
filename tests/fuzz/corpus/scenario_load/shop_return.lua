-- A shop return at a service counter: practice with strangers first. One of you is a
-- customer bringing back a kettle that leaks; the other stands behind the counter. Real
-- customer service is the model Terry Real borrows: thank them, say what you heard, explain
-- the next step, never promise what you can't deliver.
return {
    id = "shop_return",
    title = "The leaking kettle at the service counter",
    description = "A customer brings back a kettle that leaks. Serve them the way you'd like to be served.",
    difficulty = 1,
    rounds = 2,

    prompts = {
        "I bought this kettle two weeks ago and it already leaks all over the counter.",
        "This is the second time I've come back about this kettle, and I'm losing my patience.",
        "I feel let down: I paid extra for this kettle and I'd like a replacement today, please.",
    },

    hints = {
        "Service window: thank them for bringing it back before anything else.",
        "Say back the problem in your words: what broke, and how it left them feeling.",
        "Explain the next step plainly: what you will do, and by when.",
        "\"I can't say yes because ...\" beats a bare no, and beats a promise you can't keep.",
    },

    -- Thanking a customer for raising it is the first habit this scenario teaches.
    points = { thanks = 2, overpromise = -2 },

    examples = {
        {
            context = "I bought this kettle two weeks ago and it already leaks all over the counter.",
            reply = "Thanks for bringing it back and telling us.",
            role = "agent",
            moves = { "thanks" },
        },
        {
            context = "I bought this kettle two weeks ago and it already leaks all over the counter.",
            reply = "Sounds like you're annoyed that a new kettle is already leaking on your counter.",
            role = "agent",
            moves = { "reflection", "feeling" },
        },
        {
            context = "This is the second time I've come back about this kettle, and I'm losing my patience.",
            reply = "I promise this will never happen again.",
            role = "agent",
            moves = { "overpromise" },
        },
        {
            context = "I bought this kettle two weeks ago and it already leaks all over the counter.",
            reply = "That's not our fault, you must have dropped it.",
            role = "agent",
            moves = { "defensive" },
        },
        {
            context = "",
            reply = "Could you swap this kettle for a new one today?",
            role = "customer",
            moves = { "request" },
        },
    },
}
