-- Dishes and chores: the everyday gripe. The customer is tired of the sink; the agent
-- probably has a list of their own chores. PREP's floor: the speaker holds it, the listener
-- paraphrases and does not rebut. The listener's chores get their own round.
return {
    id = "dishes",
    title = "Dishes in the sink",
    description = "The sink is full again. Hear the tiredness behind it before you defend your day.",
    difficulty = 2,
    rounds = 2,

    prompts = {
        "I came home and the sink was full of dishes again.",
        "I feel like I'm the only one who notices when the kitchen is a mess.",
        "I feel tired when the dishes pile up after dinner, and I'd love us to take turns.",
    },

    hints = {
        "They hold the floor: say back what you heard; don't argue your side yet.",
        "\"But I took the bins out\" is a toaster. Park it: it gets its own round.",
        "Say it back: \"If I got it, you're saying ... Did I get it?\"",
    },

    customer_hints = {
        "Start soft: \"I feel ... when ... I'd love ...\" instead of \"you never\".",
        "Speak for yourself: \"I'm tired\" opens a door that \"you never help\" slams.",
    },

    examples = {
        {
            context = "I came home and the sink was full of dishes again.",
            reply = "What about all the laundry I did this week?",
            role = "agent",
            moves = { "counter_complaint" },
        },
        {
            context = "I feel like I'm the only one who notices when the kitchen is a mess.",
            reply = "So you feel alone with the kitchen, like you're the only one who sees the mess.",
            role = "agent",
            moves = { "reflection", "feeling" },
            known_miss = "'you're the only one who...' inside their feeling given back reads as blame and a complaint of one's own",
        },
        {
            context = "I came home and the sink was full of dishes again.",
            reply = "You never clean anything either.",
            role = "agent",
            moves = { "criticism" },
        },
        {
            context = "",
            reply = "You never do the dishes.",
            role = "customer",
            moves = { "criticism" },
        },
        {
            context = "I feel tired when the dishes pile up after dinner, and I'd love us to take turns.",
            reply = "You're right, I did leave them. I'm sorry I left you with the mess.",
            role = "agent",
            moves = { "ownership", "apology" },
        },
    },
}
