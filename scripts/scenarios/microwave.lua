-- The microwave and the toaster: the first scenario, about appliances, so nothing is at
-- stake but the habit. One of you wants the microwave fixed; the other has a toaster of
-- their own. Practise taking care of the microwave first.
return {
    id = "microwave",
    title = "The microwave and the toaster",
    description = "A broken microwave, a toaster that also fails: take care of one at a time.",
    difficulty = 1,
    rounds = 2,

    prompts = {
        "I want a new microwave, ours broke again.",
        "The microwave died in the middle of my lunch and I had nothing warm to eat.",
        "I feel stuck when the microwave breaks and nobody calls the repair shop. Could we sort it out this week?",
    },

    hints = {
        "Their microwave first: your toaster gets its turn later.",
        "Say back what you heard in your own words, then ask: \"Did I get it? Is there more?\"",
        "Name the feeling you hear: annoyed, tired, let down?",
        "Yes-but cancels the yes. Listen first; explain later, if it's still needed.",
    },

    customer_hints = {
        "Start soft: \"I feel ... about ... and I need ...\" makes listening easier.",
        "One thing at a time: name one complaint now; the others can have their own turn.",
    },

    examples = {
        {
            context = "I want a new microwave, ours broke again.",
            reply = "You're fed up because the microwave broke again and you'd like a new one. Did I get it?",
            role = "agent",
            moves = { "reflection", "feeling", "check" },
        },
        {
            context = "I want a new microwave, ours broke again.",
            reply = "Well, my toaster doesn't work either.",
            role = "agent",
            moves = { "counter_complaint" },
        },
        {
            context = "I want a new microwave, ours broke again.",
            reply = "Just buy a new one then.",
            role = "agent",
            moves = { "fix_it" },
            known_miss = "'just' in advice reads as waving the feeling away too",
        },
        {
            context = "",
            reply = "I feel frustrated when the microwave breaks, and I'd love us to pick a new one together this weekend.",
            role = "customer",
            moves = { "soft_startup" },
        },
        {
            context = "The microwave died in the middle of my lunch and I had nothing warm to eat.",
            reply = "I'll call the repair shop tomorrow at nine and tell you what they say.",
            role = "agent",
            moves = { "next_step" },
        },
    },
}
