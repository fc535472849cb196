-- default.lua: turns the analyser's features into the moves of LABELS.md, each with points
-- and a one-line reason quoting the player's words.
--
-- The host calls score(f) with f the features of one reply (see docs/analyser.md) and
-- expects a list of { tag = "...", points = n, reason = "..." }. A scenario changes points
-- with overrides.points[tag] = n and adds rule functions to overrides.rules; each extra
-- rule is called as rule(f, moves, add) after the defaults and may add or remove moves.

local R = {}

R.points = {
  reflection = 3, feeling = 2, check = 2, question_open = 2, question_closed = 1,
  validation = 2, thanks = 1, apology = 2, ownership = 2, next_step = 2,
  counter_complaint = -4, defensive = -2, criticism = -3, contempt = -4, minimizing = -2,
  fix_it = -1, overpromise = -1, stonewalling = -3,
  soft_startup = 2, request = 1,
  parroting = 1, -- a reflection given back word for word earns this instead of reflection's
}

R.overrides = { points = {}, rules = {} }

-- The hand rule's reflection stands unless the model's probability falls below this share
-- of the model's own threshold.
R.model_floor = 0.6

-- quote: the player's words, cut to about 40 characters on a character boundary.
local function quote(s)
  s = (s or ""):gsub("^%s+", ""):gsub("%s+$", "")
  if utf8.len(s) and utf8.len(s) > 40 then
    s = s:sub(1, utf8.offset(s, 40) - 1) .. "…"
  end
  return "'" .. s .. "'"
end
R.quote = quote

-- hits: the cue's matches that are not negated, optionally only in sentence si.
local function hits(f, cue, si)
  local out = {}
  for _, h in ipairs(f.cues[cue] or {}) do
    if not h.negated and (si == nil or h.sentence == si) then out[#out + 1] = h end
  end
  return out
end

-- first: the cue's first match that is not negated (no list is built: it runs often)
local function first(f, cue, si)
  local list = f.cues[cue]
  if not list then return nil end
  for _, h in ipairs(list) do
    if not h.negated and (si == nil or h.sentence == si) then return h end
  end
  return nil
end

local function in_sentence(f, si, ...)
  for _, cue in ipairs({ ... }) do
    if first(f, cue, si) then return true end
  end
  return false
end

local function fmt_points(n)
  if n > 0 then return "+" .. n end
  if n < 0 then return "−" .. (-n) end
  return "0"
end

-- new_moves: the list the rules fill; add(tag, why) appends once per tag.
local function new_moves(points)
  local moves, seen = {}, {}
  local function add(tag, why)
    if seen[tag] then return end
    local p = points[tag] or 0
    seen[tag] = true
    moves[#moves + 1] = { tag = tag, points = p, reason = why .. " → " .. tag:gsub("_", "-") .. " " .. fmt_points(p) }
  end
  return moves, add
end

------------------------------------------------------------------------------------------
-- listener moves

local HURTS = { "criticism", "contempt", "minimizing", "fix_it", "ownership", "counter", "defensive" }

-- restated: blame inside a frame that gives the partner's feeling back ("it feels like you
-- always end up doing it alone") restates their complaint; it is not the speaker's claim.
-- The frame must come first in the sentence, and the sentence must give back the partner's
-- words or answer their "I" with "you".
local function restated(f, h)
  local s = f.sents[h.sentence]
  if not s or not (f.echo_by_sentence[h.sentence] or f.perspective_shift) then return false end
  local at = s.text:find(h.text, 1, true)
  for _, r in ipairs(hits(f, "restating", h.sentence)) do
    local rat = s.text:find(r.text, 1, true)
    if at and rat and rat < at then return true end
  end
  return false
end

-- first_hurt: the cue's first match, leaving out criticism that only restates (restated)
local function first_hurt(f, cue, si)
  if cue ~= "criticism" then return first(f, cue, si) end
  for _, h in ipairs(hits(f, cue, si)) do
    if not restated(f, h) then return h end
  end
  return nil
end

-- reflection_sentence: why sentence si restates the partner's side, or nil.
local function reflection_sentence(f, si)
  local s = f.sents[si]
  -- a sentence that asks ("Can we look at it with your sister?") gives nothing back; one
  -- voiced as a question ("So you felt left out?") does, and does not ask
  if s.question == "open" or s.asks or s.words < 2 then return nil end
  for _, cue in ipairs(HURTS) do
    if first_hurt(f, cue, si) then return nil end
  end
  local opener = first(f, "reflect_opener", si)
  local echo = f.echo_by_sentence[si]
  local feel = f.feeling_by_sentence[si]
  local you = s.second_person > 0 or s.first == "you" or s.first == "your"
  if opener and (echo or feel or you or s.words >= 4) then
    local why = "You reflected with " .. quote(opener.text)
    if echo then why = why .. " and gave back " .. quote(echo) end
    return why, opener
  end
  if you and s.first_person == 0 and s.words >= 3 and not (echo or feel) then
    -- a feeling read into their situation: "It's been so hard to feel like yourself"
    local h = first(f, "infer_feeling", si)
    feel = h and h.text
  end
  if you and s.first_person == 0 and (echo or feel) and s.words >= 3 then
    local why = "You put their side in your words"
    if echo then why = why .. ", giving back " .. quote(echo) end
    if feel then why = why .. " and naming " .. quote(feel) end
    return why
  end
  return nil
end

-- from_hit: the sentence holding hit H, from the hit on (the words that made the move).
local function from_hit(f, h)
  local text = f.sents[h.sentence] and f.sents[h.sentence].text or h.text
  local at = text:find(h.text, 1, true)
  return at and text:sub(at) or h.text
end

-- the hurting cues that veto a reflection anywhere in the reply ("I hear you, but...")
local VETO = { "criticism", "contempt", "counter", "defensive", "minimizing" }

-- quote_list: "'a'", "'a' and 'b'", "'a', 'b' and 'c'"
local function quote_list(words)
  local q = {}
  for i, w in ipairs(words) do q[i] = quote(w) end
  if #q <= 1 then return q[1] or "" end
  return table.concat(q, ", ", 1, #q - 1) .. " and " .. q[#q]
end

-- model_reason: why the fitted model heard a reflection, naming the words that carried it.
local function model_reason(f)
  local echoed = {}
  for _, e in ipairs(f.echo) do
    if #echoed < 3 then echoed[#echoed + 1] = e.word end
  end
  if #echoed > 0 then return "You gave back " .. quote_list(echoed) .. " in your own words" end
  local opener = first(f, "reflect_opener")
  if opener then return "You reflected with " .. quote(from_hit(f, opener)) end
  local feel = f.feelings[1]
  if feel then return "You named " .. quote(feel.word) .. " from their side" end
  for _, s in ipairs(f.sents) do
    if s.words >= 2 and (s.second_person > 0 or s.first == "so") then
      return "You put their side in your words: " .. quote(s.text)
    end
  end
  for _, s in ipairs(f.sents) do
    if s.words >= 2 then return "You summed up what they said: " .. quote(s.text) end
  end
  return nil
end

-- listener_reflection: the hand rule (an opener, or a you-sentence giving back their words)
-- or the fitted model (scripts/rules/weights.lua) when it is sure enough; a hurting cue
-- anywhere vetoes the model, and a model that is nearly sure it is not a reflection
-- vetoes the hand rule.
local function listener_reflection(f, add)
  local m = f.model.reflection
  local why
  for si = 1, #f.sents do
    why = reflection_sentence(f, si)
    if why then break end
  end
  if why and m and m.p < m.threshold * R.model_floor then why = nil end
  if not why and m and m.fires then
    local vetoed = false
    for _, cue in ipairs(VETO) do vetoed = vetoed or first_hurt(f, cue) ~= nil end
    -- the reflection must be somewhere: not when every sentence tells them what to do
    local told = true
    for si, s in ipairs(f.sents) do
      if s.words >= 2 and not first(f, "fix_it", si) then told = false break end
    end
    if not vetoed and not told then why = model_reason(f) end
  end
  if not why then return end
  if f.parrot >= 0.7 then
    add("reflection", "You repeated their words back almost exactly; try your own words")
    local mv = f.moves_index["reflection"]
    if mv then mv.points = f.points.parroting or 1; mv.reason = mv.reason:gsub("[+−]%d+$", fmt_points(mv.points)) end
  else
    add("reflection", why)
  end
end

local function listener_feeling(f, add)
  -- "you're too uptight" names a feeling word as a label: not inside blame or mockery
  for _, h in ipairs(hits(f, "feeling_named")) do
    if not first_hurt(f, "criticism", h.sentence) and not in_sentence(f, h.sentence, "contempt") then
      return add("feeling", "You named the feeling in " .. quote(h.text))
    end
  end
  for _, fe in ipairs(f.feelings) do
    local s = f.sents[fe.sentence]
    if s and (s.second_person > 0 or fe.echoed) and s.first_person == 0
       and not in_sentence(f, fe.sentence, "minimizing", "criticism", "contempt", "fix_it") then
      return add("feeling", "You named " .. quote(fe.word) .. (fe.echoed and ", the feeling they brought" or ""))
    end
  end
end

-- words that open a yes/no question
local ASKING = {}
for w in ("do does did is are was were can could would will should have has had am may might shall"):gmatch("%a+") do
  ASKING[w] = true
end

-- leads: a cue that opens sentence si ("Can we ...", "What about ...") says what the
-- question is doing, so it is not counted as a question of its own.
local function leads(f, si, ...)
  local text = f.sents[si].text
  for _, cue in ipairs({ ... }) do
    for _, h in ipairs(hits(f, cue, si)) do
      local at = text:find(h.text, 1, true)
      if at and at <= 12 then return true end
    end
  end
  return false
end

local function listener_questions(f, add)
  local asked = false
  for si, s in ipairs(f.sents) do
    if s.question and not leads(f, si, "check", "counter", "next_step", "criticism", "contempt", "defensive") then
      if s.question == "open" then
        add("question_open", "You asked " .. quote(s.text) .. ", inviting more")
        asked = true
      elseif s.marked and (ASKING[s.first] or s.words >= 2) then
        -- a lone "Yeah?" or "Okay?" only keeps the talk going
        add("question_closed", "You asked " .. quote(s.text))
        asked = true
      end
    end
  end
  if asked then return end
  -- asking without a question mark: "I wonder what you make of it", "tell me a bit about..."
  local h = first(f, "wonder") or first(f, "tell_me")
  if h and not in_sentence(f, h.sentence, "check", "counter") then
    return add("question_open", "You asked " .. quote(from_hit(f, h)) .. ", inviting more")
  end
  -- a yes/no question typed without its mark ("do you want me to come."): the fitted
  -- model decides whether the reply asks
  local m = f.model.question
  if m and m.fires and not first(f, "check") then
    for si, s in ipairs(f.sents) do
      if s.question == "closed" and not leads(f, si, "check", "counter", "next_step", "criticism", "contempt", "defensive", "stonewalling") then
        return add("question_closed", "You asked " .. quote(s.text))
      end
    end
  end
end

-- what a hurting move does, said after the quote
local TAILS = {
  counter_complaint = " brings your own complaint", defensive = " defends instead of hearing",
  criticism = " blames their character", contempt = " mocks them", minimizing = " waves the feeling away",
  overpromise = " promises more than anyone can keep", stonewalling = " shuts the talk down",
}

local function simple(f, add, tag, cue, lead)
  local h = first(f, cue)
  if h then add(tag, lead .. quote(from_hit(f, h)) .. (lead == "" and TAILS[tag] or "")) return h end
end

local function listener_criticism(f, add)
  local h = first_hurt(f, "criticism")
  if h then add("criticism", quote(from_hit(f, h)) .. TAILS.criticism) end
end

local function listener(f, add)
  if first(f, "stonewalling") and f.words <= 12 then
    simple(f, add, "stonewalling", "stonewalling", "")
  end
  if not simple(f, add, "contempt", "thanks_sarcastic", "") then
    simple(f, add, "contempt", "contempt", "")
  end
  listener_criticism(f, add)
  simple(f, add, "counter_complaint", "counter", "")
  simple(f, add, "defensive", "defensive", "")
  if not simple(f, add, "minimizing", "apology_fake", "") then
    simple(f, add, "minimizing", "minimizing", "")
  end
  for _, h in ipairs(hits(f, "fix_it")) do
    if not f.sents[h.sentence].question
       and not in_sentence(f, h.sentence, "next_step", "stonewalling", "minimizing", "contempt", "counter", "thanks") then
      add("fix_it", quote(from_hit(f, h)) .. " jumps to a fix before they feel heard")
      break
    end
  end
  simple(f, add, "overpromise", "overpromise", "")
  for _, h in ipairs(hits(f, "next_step")) do
    if not first(f, "overpromise", h.sentence) then add("next_step", "You offered " .. quote(h.text)) break end
  end
  if not first(f, "apology_fake") then simple(f, add, "apology", "apology", "You said ") end
  simple(f, add, "ownership", "ownership", "You owned it: ")
  if not first(f, "thanks_sarcastic") then simple(f, add, "thanks", "thanks", "You said ") end
  -- "Did I get that right?" holds "I get that" but checks understanding: validation words
  -- inside a check or a yes/no question do not count
  for _, h in ipairs(hits(f, "validation")) do
    local s = f.sents[h.sentence]
    if not in_sentence(f, h.sentence, "check") and not (s and s.marked and ASKING[s.first]) then
      add("validation", "You said " .. quote(from_hit(f, h)))
      break
    end
  end
  simple(f, add, "check", "check", "You checked: ")
  listener_reflection(f, add)
  listener_feeling(f, add)
  listener_questions(f, add)
end

------------------------------------------------------------------------------------------
-- speaker moves (a startup, or the customer answering again)

local function speaker(f, add)
  simple(f, add, "criticism", "criticism", "")
  simple(f, add, "contempt", "contempt", "")
  if not first(f, "thanks_sarcastic") then
    -- nothing: thanks is a listener move
  else
    add("contempt", quote(first(f, "thanks_sarcastic").text) .. TAILS.contempt)
  end
  local ask = first(f, "request_ask")
  local harsh = first(f, "criticism") or first(f, "contempt")
  if ask then add("request", "You asked for something specific: " .. quote(ask.text)) end
  local feel = first(f, "i_feel")
  local need = first(f, "positive_need")
  if feel and (need or ask) and not harsh then
    add("soft_startup", "You began with " .. quote(feel.text) .. " and asked for " .. quote((need or ask).text))
  end
end

------------------------------------------------------------------------------------------

local function index_moves(moves)
  local ix = {}
  for _, m in ipairs(moves) do ix[m.tag] = m end
  return ix
end

-- prepare: per-sentence lookups the rules share.
local function prepare(f, points)
  f.points = points
  f.model = f.model or {}
  f.echo_by_sentence, f.feeling_by_sentence = {}, {}
  for _, e in ipairs(f.echo) do
    f.echo_by_sentence[e.sentence] = f.echo_by_sentence[e.sentence] or e.word
  end
  for _, fe in ipairs(f.feelings) do
    f.feeling_by_sentence[fe.sentence] = f.feeling_by_sentence[fe.sentence] or fe.word
  end
end

function R.score(f)
  local points = {}
  for k, v in pairs(R.points) do points[k] = v end
  for k, v in pairs(R.overrides.points) do points[k] = v end
  prepare(f, points)
  local moves, add = new_moves(points)
  f.moves_index = setmetatable({}, { __index = function(_, k) return index_moves(moves)[k] end })
  if f.role == "customer" then speaker(f, add) else listener(f, add) end
  for _, rule in ipairs(R.overrides.rules) do rule(f, moves, add) end
  return moves
end

return R
