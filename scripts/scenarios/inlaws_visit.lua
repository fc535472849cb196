-- The in-laws' visit: loyalty is tangled in it, so it stings. The agent will want to defend
-- their parents. The skill is to hear the partner's side without taking a side yet.
return {
    id = "inlaws_visit",
    title = "The in-laws' visit",
    description = "Your parents are staying two weeks. Your partner is not happy about it.",
    difficulty = 3,
    rounds = 2,

    prompts = {
        "Your mother rearranged my kitchen again and you said nothing.",
        "Two weeks is too long. I need my home back.",
        "I feel like a guest in my own house when your parents stay. I'd like us to agree on shorter visits.",
    },

    hints = {
        "You can hear your partner without agreeing that your mother is wrong.",
        "Defending your parents is a toaster. It can wait for its own round.",
        "Reflect the feeling: a guest in their own home, unsupported, crowded.",
        "Check: \"Did I get that right? Is there more?\"",
    },

    points = { validation = 3, defensive = -3 },

    examples = {
        {
            context = "Your mother rearranged my kitchen again and you said nothing.",
            reply = "She was only trying to help, you're too sensitive.",
            role = "agent",
            moves = { "defensive", "criticism", "minimizing" },
            known_miss = "the brush-off in 'she's just like that' is not read as minimizing",
        },
        {
            context = "I feel like a guest in my own house when your parents stay. I'd like us to agree on shorter visits.",
            reply = "You feel like a guest in your own home when they stay, and it's uncomfortable. You want shorter visits. Did I get that right?",
            role = "agent",
            moves = { "reflection", "feeling", "check" },
        },
        {
            context = "Two weeks is too long. I need my home back.",
            reply = "No wonder you're tired, two weeks is a long time.",
            role = "agent",
            moves = { "validation" },
            known_miss = "'No wonder you're tired' reads as waving the feeling away, and the one that hurts is kept",
        },
        {
            context = "Your mother rearranged my kitchen again and you said nothing.",
            reply = "Fine.",
            role = "agent",
            moves = { "stonewalling" },
        },
    },
}
