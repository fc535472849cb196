-- Going to bed at different times, played with a flow of its own: before reflecting, the
-- listener asks one open question and hears the answer. This file is the worked example of
-- a custom `play` (see docs/scenarios.md): it reuses the pieces of scripts/lib/floor.lua
-- and adds one step of its own.
return {
    id = "bedtime_curious",
    title = "Going to bed alone (ask first)",
    description = "One goes to bed at ten, the other at one. Ask before you reflect.",
    difficulty = 3,
    rounds = 2,

    prompts = {
        "I go to bed alone every night and it makes me sad.",
        "You stay up on your laptop until one and then wake me up.",
        "I feel lonely at bedtime. Could we go up together on weeknights?",
    },

    hints = {
        "Curiosity first: ask what, how, or \"tell me more\" before you sum it up.",
        "Then say it back: \"If I got it, you're saying ... Did I get it?\"",
        "A question that is really a suggestion (\"Why don't you just ...\") is fix-it.",
    },

    points = { question_open = 3 },

    examples = {
        {
            context = "I go to bed alone every night and it makes me sad.",
            reply = "Tell me more about what bedtime is like for you.",
            role = "agent",
            moves = { "question_open" },
        },
        {
            context = "I go to bed alone every night and it makes me sad.",
            reply = "So going to bed alone every night leaves you feeling sad.",
            role = "agent",
            moves = { "reflection", "feeling" },
            known_miss = "a feeling given back inside a reflection ('leaves you feeling sad') is not named",
        },
        {
            context = "You stay up on your laptop until one and then wake me up.",
            reply = "Just wear earplugs.",
            role = "agent",
            moves = { "fix_it" },
        },
        {
            context = "I feel lonely at bedtime. Could we go up together on weeknights?",
            reply = "Can we try going up together on Monday and see how it feels?",
            role = "agent",
            moves = { "next_step" },
        },
    },

    -- The custom flow: startup, one open question and its answer, then the usual mirror,
    -- "did I get it?", closure and swap from floor.lua.
    play = function(heard, scenario, floor)
        local s = floor.state(heard, scenario)
        for r = 1, scenario.rounds do
            local c, a = heard.customer(), heard.agent()
            heard.say(("Round %d: %s holds the floor; %s asks first."):format(
                r, heard.names[c], heard.names[a]))
            local words = floor.startup(s)
            local question = heard.ask({
                player = a,
                role = "agent",
                title = heard.names[a] .. ", ask one open question first",
                hint = scenario.hints[1],
            })
            heard.turn({ player = a, role = "agent", kind = "reply", text = question, context = words })
            local answer = heard.ask({
                player = c,
                role = "customer",
                title = heard.names[c] .. ", answer the question",
            })
            heard.turn({ player = c, role = "customer", kind = "more", text = answer, context = question })
            words = floor.listen(s, answer)
            floor.closure(s, words)
            if r < scenario.rounds then
                heard.swap()
            end
        end
    end,
}
