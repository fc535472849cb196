-- A missed connection at an airline desk. The traveller missed their flight because the
-- first leg was late; the agent cannot make the plane come back. What the agent can do is
-- make the traveller feel heard, and be honest about the next step.
return {
    id = "airline_desk",
    title = "A missed connection at the airline desk",
    description = "A late first flight, a missed connection, a tired traveller at the desk.",
    difficulty = 2,
    rounds = 2,
    turn_seconds = 120,

    prompts = {
        "Your first flight was late and now I've missed my connection. I've been travelling for fourteen hours.",
        "I'm going to miss my sister's wedding rehearsal because of your delay.",
        "I'm exhausted and I need to know when I can get home. Can you put me on the next flight?",
    },

    hints = {
        "Service window: the traveller's missed plane first, your queue second.",
        "Name what you hear: exhausted, worried, angry. Then check: \"Did I get that right?\"",
        "Don't promise a seat you can't see. Say what you will check, and when you'll know.",
        "\"Calm down\" never calmed anyone down.",
    },

    points = { minimizing = -3 },

    examples = {
        {
            context = "Your first flight was late and now I've missed my connection. I've been travelling for fourteen hours.",
            reply = "Calm down, it's not a big deal, there are other flights.",
            role = "agent",
            moves = { "minimizing" },
        },
        {
            context = "Your first flight was late and now I've missed my connection. I've been travelling for fourteen hours.",
            reply = "You've been travelling for fourteen hours and now you've missed your connection. You must be exhausted.",
            role = "agent",
            moves = { "reflection", "feeling" },
        },
        {
            context = "I'm going to miss my sister's wedding rehearsal because of your delay.",
            reply = "What time does the rehearsal start?",
            role = "agent",
            moves = { "question_closed" },
        },
        {
            context = "I'm exhausted and I need to know when I can get home. Can you put me on the next flight?",
            reply = "I'll check the next two flights right now and tell you in five minutes.",
            role = "agent",
            moves = { "next_step" },
        },
    },
}
