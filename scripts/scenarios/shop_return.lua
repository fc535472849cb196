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

    -- "That's our policy" is a bare no: it shuts the customer out, and a "sorry" in front of
    -- it owns nothing. Giving the reason ("because ...") or what you can do instead ("but I
    -- can send it for repair today") turns it into an answer, so those are left alone.
    rules = function(turn, moves, add, drop)
        local text = turn.text:lower()
        if turn.role ~= "agent" or text:find("because", 1, true) then
            return
        end
        for _, move in ipairs(moves) do
            if move.tag == "next_step" then
                return
            end
        end
        for _, words in ipairs({ "policy", "nothing i can do", "rules are rules", "out of my hands" }) do
            if text:find(words, 1, true) then
                drop("apology")
                add("defensive", -3, "'" .. words .. "' is a bare no: say why, and what you can do instead")
                return
            end
        end
    end,

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
            -- the standard rules hear an apology here; this scenario's rules hear a bare no
            context = "I bought this kettle two weeks ago and it already leaks all over the counter.",
            reply = "Sorry, that's our policy.",
            role = "agent",
            moves = { "defensive" },
        },
        {
            context = "I bought this kettle two weeks ago and it already leaks all over the counter.",
            reply = "I can't refund it after two weeks because of our policy, but I can send it for repair today.",
            role = "agent",
            moves = { "next_step" },
            known_miss = "a no with its reason and an offer reads as defending, and the offer is not read as a next step",
        },
        {
            context = "",
            reply = "Could you swap this kettle for a new one today?",
            role = "customer",
            moves = { "request" },
            known_miss = "a polite request from the customer reads as blame",
        },
    },
}
