-- Phones at dinner: a bid for attention that met a screen. The customer wants connection,
-- not a lecture on screen time. Open questions invite them to say more.
return {
    id = "phones_at_dinner",
    title = "Phones at dinner",
    description = "One of you talks, the other scrolls. Turn toward the bid instead of away.",
    difficulty = 2,
    rounds = 2,

    prompts = {
        "You were on your phone the whole dinner again.",
        "I tried to tell you about my day and you just kept scrolling.",
        "I miss talking with you at dinner. Could we leave the phones in the hall?",
    },

    hints = {
        "Behind \"you were on your phone\" there is often \"I miss you\". Listen for it.",
        "Ask an open question: \"What did you want to tell me?\"",
        "Say it back, then ask: \"Is there more?\"",
        "Contempt (\"oh, here we go\") is the strongest predictor of a couple's trouble. Leave it out.",
    },

    points = { question_open = 3 },

    examples = {
        {
            context = "I tried to tell you about my day and you just kept scrolling.",
            reply = "What did you want to tell me about your day?",
            role = "agent",
            moves = { "question_open" },
            known_miss = "an open question about their day reads as a complaint of one's own",
        },
        {
            context = "You were on your phone the whole dinner again.",
            reply = "Oh, here we go again.",
            role = "agent",
            moves = { "contempt" },
            known_miss = "'Oh, here we go again' reads as shutting the talk down as well as mocking",
        },
        {
            context = "I miss talking with you at dinner. Could we leave the phones in the hall?",
            reply = "You miss our talks at dinner and you'd like the phones out of the way.",
            role = "agent",
            moves = { "reflection" },
        },
        {
            context = "",
            reply = "Could we leave our phones in the hall during dinner?",
            role = "customer",
            moves = { "request" },
        },
    },
}
