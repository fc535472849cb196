-- Late again: one partner waited, the other has reasons. Reasons can wait; first show the
-- waiting was heard. Excuses ("traffic was terrible") are the "yes, but" that Gottman calls
-- defensiveness.
return {
    id = "late_again",
    title = "Late again",
    description = "Dinner went cold while one of you waited. Hear the waiting before the traffic report.",
    difficulty = 2,
    rounds = 2,

    prompts = {
        "You said seven and you walked in at eight. I sat there waiting.",
        "I feel unimportant when you're late and don't text me.",
        "I felt worried when you didn't text, and I'd like a message if you're running late.",
    },

    hints = {
        "Your reasons are real, and they can wait. Their waiting comes first.",
        "\"I hear you, but ...\" cancels the \"I hear you\".",
        "Name the feeling under the anger: worried? unimportant? lonely?",
        "A next step that fits: \"I'll text you when I leave work.\" Not \"I'll never be late again.\"",
    },

    customer_hints = {
        "Start soft: \"I felt worried when... could you text me next time?\"",
    },

    points = { defensive = -3 },

    examples = {
        {
            context = "You said seven and you walked in at eight. I sat there waiting.",
            reply = "It's not my fault, the traffic was terrible.",
            role = "agent",
            moves = { "defensive" },
        },
        {
            context = "I feel unimportant when you're late and don't text me.",
            reply = "When I'm late without a word, you feel like you don't matter to me.",
            role = "agent",
            moves = { "reflection", "feeling" },
            known_miss = "a clause that sets the scene with 'I' ('When I'm late without a word') reads as a complaint of one's own",
        },
        {
            context = "I felt worried when you didn't text, and I'd like a message if you're running late.",
            reply = "I'll text you before I leave work tomorrow.",
            role = "agent",
            moves = { "next_step" },
            known_miss = "'I'll text you before I leave work tomorrow' is not read as a next step",
        },
        {
            context = "You said seven and you walked in at eight. I sat there waiting.",
            reply = "I promise I'll never be late again.",
            role = "agent",
            moves = { "overpromise" },
        },
    },
}
