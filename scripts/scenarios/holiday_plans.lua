-- Holiday plans: two wishes that pull apart, beach or mountains, family or alone. Neither
-- has to win the floor: each wish gets heard in its own round.
return {
    id = "holiday_plans",
    title = "Where to go on holiday",
    description = "One wants the sea, the other the mountains. Hear the wish behind each plan.",
    difficulty = 3,
    rounds = 2,

    prompts = {
        "Every year we go where you want to go.",
        "I really need a quiet holiday this year, not another road trip.",
        "I feel worn out, and I'd love a week by the sea where nobody needs anything from me.",
    },

    hints = {
        "A wish is not an attack. Ask what the holiday would give them.",
        "Your own wish is a toaster here: park it, it gets its round next.",
        "Validation isn't agreement: \"That makes sense\" costs you nothing.",
        "Letting their view change yours (\"I hadn't seen it that way\") is a strength.",
    },

    examples = {
        {
            context = "I really need a quiet holiday this year, not another road trip.",
            reply = "That makes sense after the year you've had.",
            role = "agent",
            moves = { "validation" },
        },
        {
            context = "Every year we go where you want to go.",
            reply = "I hadn't seen it that way.",
            role = "agent",
            moves = { "ownership" },
            known_miss = "'I hadn't seen it that way' reads as a denial because of its 'not'",
        },
        {
            context = "I feel worn out, and I'd love a week by the sea where nobody needs anything from me.",
            reply = "What would a week like that give you?",
            role = "agent",
            moves = { "question_open" },
        },
        {
            context = "Every year we go where you want to go.",
            reply = "Well, I never get to pick the restaurant either.",
            role = "agent",
            moves = { "counter_complaint" },
        },
    },
}
