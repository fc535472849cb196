-- Money and spending: a hot topic, where values and fears sit under every number. The
-- customer's worry deserves the same care as a broken microwave, and it is harder to give.
return {
    id = "money",
    title = "Money and spending",
    description = "A large purchase nobody discussed. Hear the worry under the bank statement.",
    difficulty = 4,
    rounds = 2,
    turn_seconds = 180,

    -- The one who holds the floor first worries about the bike; the one who bought it holds the
    -- floor second, and has a grievance of their own.
    prompts = {
        { text = "You spent four hundred on a bike without asking me.", speaker = "first" },
        { text = "I look at our account and I get scared about the rent.", speaker = "first" },
        { text = "I feel anxious when big purchases happen without a talk. Could we agree to check in on anything over a hundred?", speaker = "first" },
        { text = "I feel like a kid when I have to ask before buying anything for myself.", speaker = "second" },
        { text = "I'd love some money each month that's just mine, so we don't argue over every purchase.", speaker = "second" },
    },

    hints = {
        "Under a money complaint there is usually a fear. Listen for it.",
        "\"It's my money too\" is a toaster with a sharp edge. Park it.",
        "Sarcasm (\"oh, sorry, your majesty\") is contempt. It costs the most.",
        "A check-in on Sunday is a next step. \"I'll never buy anything again\" is a promise you won't keep.",
    },

    customer_hints = {
        "Start soft: name the worry (\"I get scared when...\") before the number.",
        "Ask for one doable thing, such as a check-in before big purchases.",
    },

    points = { contempt = -5, counter_complaint = -5 },

    examples = {
        {
            context = "You spent four hundred on a bike without asking me.",
            reply = "Oh, poor you. Yeah, right.",
            role = "agent",
            moves = { "contempt" },
        },
        {
            context = "I look at our account and I get scared about the rent.",
            reply = "It sounds like you're scared we won't make the rent.",
            role = "agent",
            moves = { "reflection", "feeling" },
        },
        {
            context = "I feel anxious when big purchases happen without a talk. Could we agree to check in on anything over a hundred?",
            reply = "Can we sit down on Sunday and go through the budget together?",
            role = "agent",
            moves = { "next_step" },
        },
        {
            context = "You spent four hundred on a bike without asking me.",
            reply = "You should have checked the account before you got upset.",
            role = "agent",
            moves = { "fix_it" },
        },
    },
}
