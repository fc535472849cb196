-- floor.lua: the default "floor" flow of Heard, run for every scenario that has no `play`
-- of its own, and a worked example for coaches who write one.
--
-- Each round, the customer holds the floor (PREP's speaker-listener technique):
--   1. startup   the customer says what is wrong (or picks a prompt, or brings back a
--                toaster they parked earlier)
--   2. reflect   the agent says back what they heard; a counter-complaint is offered a
--                place in the parking lot and the agent tries again (Terry Real: their
--                microwave first, your toaster later)
--   3. rate      the customer decides: Got it / Partly / Not yet (Imago: "Did I get it?")
--   4. more      "Is there more?" until the customer says no
--   5. closure   the agent may offer a next step or a follow-up
--   6. swap      roles change; after scenario.rounds rounds the flow ends
--
-- A flow is a function play(heard, scenario, floor), run as a coroutine. It talks to the
-- game only through `heard` (players are 1 and 2; a role is "customer" or "agent"):
--
--   heard.names                  the players' names: heard.names[1], heard.names[2]
--   heard.customer()             the player who holds the floor now
--   heard.agent()                the player who listens now
--   heard.round()                the round, from 1
--   heard.first()                the player who held the floor in round 1
--   heard.ask{player=, role=, title=, hint=, prompts=, optional=, prefill=}
--                                waits until the player types (or picks one of the
--                                prompts) and returns the text; optional = true lets
--                                them skip with empty text; prefill puts words in the box
--                                to start from
--   heard.rate{player=, title=, hint=, rates=}
--                                waits for Got it / Partly / Not yet and returns
--                                "got_it", "partly" or "not_yet" (kept as a turn, scored:
--                                the partner's word weighs the listening points of the
--                                reply it rates, turn number `rates`, by default the
--                                latest reply; see docs/scoring.md)
--   heard.choose{player=, title=, hint=, choices={...}}
--                                waits for a pick (at most 8 choices); returns its number
--   heard.turn{player=, role=, kind=, text=, context=}
--                                scores the text against context (the partner's last
--                                words; "" for a startup) with the standard rules, then the
--                                scenario's own `rules`, then its `points`, and records the
--                                turn; returns its moves { {tag=, points=, reason=}, ... },
--                                their total and the turn's number
--   heard.say(text)              a note in the transcript
--   heard.park{player=, text=}   keeps a grievance for later; returns its number
--   heard.parked(player)         that player's waiting grievances: { {index=, text=}, ... }
--   heard.unpark(index)          brings one back (kept as an "unpark" turn); returns its
--                                text
--   heard.swap()                 swaps the roles and starts the next round
--   heard.random(m, n)           the session's seeded generator (same as math.random), so
--                                a replay makes the same draws
--
-- Turn kinds used here: "startup", "reply", "more", "closure". The game adds "rating",
-- "note", "park" and "unpark" itself. A custom `play` may call the pieces below, e.g.
-- floor.round(floor.state(heard, scenario)).

local floor = {}

-- The method, in one line per stage, for when the scenario gives no hint of its own.
floor.tips = {
    startup = "Start soft: \"I feel ... about ..., and I'd love ...\" Speak for yourself, one thing at a time.",
    comeback = "Your toaster waited its turn. Say it again, softly: \"I feel ... when ..., and I'd love ...\"",
    reflect = "Their microwave first: say back what you heard, in your own words, then ask \"Did I get it?\"",
    mirror = "Your word decides the points: Got it if you felt heard; Partly or Not yet, and they try again.",
    park = "Counter-complaining never wins the floor. Your toaster waits, and it does get its turn.",
    more = "You hold the floor: add what was missing, in a sentence or two.",
    closure = "A step you can keep, with a time: \"I'll call the shop tomorrow at nine.\" No big promises.",
}

local function has_move(moves, tag)
    for _, m in ipairs(moves) do
        if m.tag == tag then
            return true
        end
    end
    return false
end

local function said(text)
    return text:match("%S") ~= nil
end

-- What a round needs to remember: the engine, the scenario, and which hint of each list
-- (the agent's `hints`, the customer's `customer_hints`) comes next.
function floor.state(heard, scenario)
    local first = #scenario.hints > 0 and heard.random(1, #scenario.hints) or 1
    local ours = scenario.customer_hints or {}
    return { heard = heard, scenario = scenario, hint = first - 1, customer_hint = 0,
             customer_hints = ours }
end

-- The next hint of LIST (its cursor kept in s[KEY]), or FALLBACK when the list is empty.
local function next_from(s, list, key, fallback)
    if #list == 0 then
        return fallback
    end
    s[key] = s[key] % #list + 1
    return list[s[key]]
end

-- The scenario's hints in turn, so each of the agent's asks shows the next one.
local function next_hint(s, fallback)
    return next_from(s, s.scenario.hints, "hint", fallback)
end

-- The customer's hints in turn, for each startup.
local function next_customer_hint(s)
    return next_from(s, s.customer_hints, "customer_hint", floor.tips.startup)
end

local function name(s, player)
    return s.heard.names[player]
end

-- The scenario's prompts that PLAYER may pick: those that say nothing of whose they are,
-- and those whose speaker is the partner PLAYER is ("first" held the floor in round 1).
function floor.prompts_for(s, player)
    local mine = player == s.heard.first() and "first" or "second"
    local out = {}
    for _, p in ipairs(s.scenario.prompts) do
        if type(p) == "string" then
            out[#out + 1] = p
        elseif p.speaker == nil or p.speaker == mine then
            out[#out + 1] = p.text
        end
    end
    return out
end

-- A parked toaster comes back as a fresh startup: its owner sees the words they parked and
-- says them again, softly (the box starts with them, to edit). Returns the new words, or nil
-- when the customer wants something new.
local function bring_back(s, tip)
    local heard = s.heard
    local c = heard.customer()
    local waiting = heard.parked(c)
    if #waiting == 0 then
        return nil
    end
    local choices = {}
    for i = 1, math.min(#waiting, 7) do
        choices[i] = "Bring back your parked toaster: " .. waiting[i].text
    end
    choices[#choices + 1] = "Something new"
    local pick = heard.choose({
        player = c,
        title = name(s, c) .. ", a toaster you parked is waiting for its turn",
        hint = tip,
        choices = choices,
    })
    if pick == #choices then
        return nil
    end
    local parked = heard.unpark(waiting[pick].index)
    heard.say(name(s, c) .. " brings back a parked toaster.")
    return heard.ask({
        player = c,
        role = "customer",
        title = name(s, c) .. ", say it again, softly: you hold the floor",
        hint = floor.tips.comeback,
        prefill = parked,
    })
end

-- 1. Startup: a parked toaster is offered first; otherwise the customer types or picks a
-- prompt. Returns the customer's words.
function floor.startup(s)
    local heard = s.heard
    local tip = next_customer_hint(s)
    local c = heard.customer()
    local text = bring_back(s, tip)
    if not text then
        text = heard.ask({
            player = c,
            role = "customer",
            title = name(s, c) .. ", you hold the floor: what's wrong?",
            hint = tip,
            prompts = floor.prompts_for(s, c),
        })
    end
    heard.turn({ player = c, role = "customer", kind = "startup", text = text, context = "" })
    return text
end

-- 2. Reflect: the agent answers WORDS until the answer is not a counter-complaint; each
-- toaster may be parked on the way. Returns the agent's reply and its turn's number.
function floor.reflect(s, words)
    local heard = s.heard
    local a, c = heard.agent(), heard.customer()
    local title = name(s, a) .. ", say back what you heard"
    while true do
        local reply = heard.ask({
            player = a,
            role = "agent",
            title = title,
            hint = next_hint(s, floor.tips.reflect),
        })
        local moves, _, n = heard.turn({ player = a, role = "agent", kind = "reply", text = reply, context = words })
        if not has_move(moves, "counter_complaint") then
            return reply, n
        end
        local park = heard.choose({
            player = a,
            title = "Park your toaster for later?",
            hint = floor.tips.park,
            choices = { "Yes, park it", "No" },
        })
        if park == 1 then
            heard.park({ player = a, text = reply })
        end
        title = "The floor is still " .. name(s, c) .. "'s: say back what you heard"
    end
end

-- 3 and 4. Did I get it? Is there more? The customer decides; each added line is scored
-- and the agent reflects again. Returns the customer's last words.
function floor.listen(s, words)
    local heard = s.heard
    local a, c = heard.agent(), heard.customer()
    local reply, n = floor.reflect(s, words)
    while true do
        local rating = heard.rate({ player = c, title = "Did " .. name(s, a) .. " get it?", hint = floor.tips.mirror, rates = n })
        local line
        if rating == "got_it" then
            local more = heard.choose({ player = c, title = "Is there more?", choices = { "Yes, there's more", "No, that's it" } })
            if more == 2 then
                return words
            end
            line = heard.ask({ player = c, role = "customer", title = "What else, " .. name(s, c) .. "?", hint = floor.tips.more })
        else
            line = heard.ask({
                player = c,
                role = "customer",
                title = "What did " .. name(s, a) .. " miss? (you may skip)",
                hint = floor.tips.more,
                optional = true,
            })
        end
        if said(line) then
            heard.turn({ player = c, role = "customer", kind = "more", text = line, context = reply })
            words = line
        end
        reply, n = floor.reflect(s, words)
    end
end

-- 5. Closure: a next step or a follow-up, or nothing.
function floor.closure(s, words)
    local heard = s.heard
    local a = heard.agent()
    local step = heard.ask({
        player = a,
        role = "agent",
        title = name(s, a) .. ", a next step or a follow-up? (you may skip)",
        hint = floor.tips.closure,
        optional = true,
    })
    if said(step) then
        heard.turn({ player = a, role = "agent", kind = "closure", text = step, context = words })
    end
end

function floor.round(s)
    local heard = s.heard
    local c, a = heard.customer(), heard.agent()
    heard.say(("Round %d: %s holds the floor, %s listens."):format(heard.round(), name(s, c), name(s, a)))
    local words = floor.startup(s)
    words = floor.listen(s, words)
    floor.closure(s, words)
end

-- 6. The rounds, swapping roles between them.
function floor.play(heard, scenario)
    local s = floor.state(heard, scenario)
    for r = 1, scenario.rounds do
        floor.round(s)
        if r < scenario.rounds then
            heard.swap()
        end
    end
end

return floor
