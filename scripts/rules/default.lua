-- default.lua: turns what the analyser read in a reply into the moves of LABELS.md, each
-- with points and a one-line reason quoting the player's words.
--
-- The host calls score(f) with f the reading of one reply (docs/analyser.md): its clauses,
-- the partner's words and feelings that came back, the lexicon's cues, and f.model[tag],
-- what the learned model of each tag the writer's role may carry decided: { p, threshold,
-- fires, clause = the clause that decided, top = the features that weighed most }. It
-- returns a list of { tag = "...", points = n, reason = "..." }. A scenario changes points
-- with overrides.points[tag] = n and adds rule functions to overrides.rules; each extra
-- rule is called as rule(f, moves, add) after the defaults and may add or remove moves.

local R = {}

R.points = {
  reflection = 3, feeling = 2, check = 2, question_open = 2, question_closed = 1,
  validation = 2, thanks = 1, apology = 2, ownership = 2, next_step = 2,
  reasoned_no = 2, team = 2,
  counter_complaint = -4, defensive = -2, criticism = -3, contempt = -4, minimizing = -2,
  fix_it = -1, overpromise = -1, stonewalling = -3,
  soft_startup = 2, request = 1,
  parroting = 1, -- a reflection given back word for word earns this instead of reflection's
}

R.overrides = { points = {}, rules = {} }

-- quote: the player's words without the punctuation around them, cut to about 48
-- characters on a character boundary.
local function quote(s)
  s = (s or ""):match("^[%s,;:%-]*(.-)[%s,;:%-]*$")
  if #s > 48 then
    local cut = utf8.offset(s, 48)
    if cut and cut <= #s then s = s:sub(1, cut - 1) .. "…" end
  end
  return "'" .. s .. "'"
end
R.quote = quote

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

-- the first cue hit of NAME, not negated, in clause CI (any clause when CI is nil)
local function cue(f, name, ci)
  for _, h in ipairs(f.cues[name] or {}) do
    if not h.negated and (ci == nil or h.clause == ci) then return h end
  end
  return nil
end

-- the text of the clause that decided TAG (the whole reply when none did)
local function deciding(f, tag)
  local m = f.model[tag]
  local c = m and m.clause and f.clauses[m.clause]
  return c and c.text or f.reply, m and m.clause
end

-- quote_list: "'a'", "'a' and 'b'", "'a', 'b' and 'c'"
local function quote_list(words)
  local q = {}
  for i, w in ipairs(words) do q[i] = quote(w) end
  if #q <= 1 then return q[1] or "" end
  return table.concat(q, ", ", 1, #q - 1) .. " and " .. q[#q]
end

-- the partner's words that came back in clause CI (at most three)
local function echoes(f, ci)
  local out = {}
  for _, e in ipairs(f.echo) do
    if e.clause == ci and #out < 3 then out[#out + 1] = e.word end
  end
  return out
end

local function feeling_in(f, ci)
  for _, fe in ipairs(f.feelings) do
    if fe.clause == ci then return fe end
  end
  return nil
end

------------------------------------------------------------------------------------------
-- what each move says, from the clause that made it

local TAILS = {
  counter_complaint = " brings your own complaint", defensive = " defends instead of hearing",
  criticism = " blames their character", contempt = " mocks them", minimizing = " waves the feeling away",
  fix_it = " jumps to a fix before they feel heard", overpromise = " promises more than anyone can keep",
  stonewalling = " shuts the talk down",
}

local REASONS = {
  reflection = function(f, text, ci)
    local words = echoes(f, ci)
    if #words > 0 then return "You said it back: " .. quote(text) .. ", giving back " .. quote_list(words) end
    return "You put their side in your words: " .. quote(text)
  end,
  feeling = function(f, text, ci)
    local fe = feeling_in(f, ci)
    if fe then return "You named the feeling " .. quote(fe.word) .. (fe.echoed and ", the one they brought" or "") end
    return "You named how it feels for them: " .. quote(text)
  end,
  check = function(_, text) return "You checked: " .. quote(text) end,
  question_open = function(_, text) return "You asked " .. quote(text) .. ", inviting more" end,
  question_closed = function(_, text) return "You asked " .. quote(text) end,
  validation = function(_, text) return "You said their view makes sense: " .. quote(text) end,
  thanks = function(_, text) return "You thanked them: " .. quote(text) end,
  apology = function(_, text) return "You said " .. quote(text) end,
  ownership = function(_, text) return "You owned your part: " .. quote(text) end,
  next_step = function(_, text) return "You offered " .. quote(text) end,
  soft_startup = function(_, text) return "You began softly, with " .. quote(text) end,
  request = function(_, text) return "You asked for something specific: " .. quote(text) end,
}

local function reason(f, tag)
  local text, ci = deciding(f, tag)
  local make = REASONS[tag]
  if make then return make(f, text, ci) end
  return quote(text) .. (TAILS[tag] or "")
end

------------------------------------------------------------------------------------------
-- moves no labelled data teaches: from the lexicon's closed sets and the clauses

-- reasoned_no: a no with its reason and a way forward, in that reply. LABELS.md sets it
-- apart from the bare no with a reason, which is defensive: with the way forward it is not,
-- and its reason (the replier's own week, their own plans) is no complaint of their own.
local function reasoned_no(f, add)
  if not f.cues.refusal then return false end
  local no, why, way = cue(f, "refusal"), cue(f, "reason"), cue(f, "opening")
  if no and why and way then
    add("reasoned_no", "You said no with a reason and a way forward: " .. quote(f.clauses[no.clause] and f.clauses[no.clause].text or no.text))
    return true
  end
  return false
end

-- team: the two of them against the problem, said as "we" or "us"
local function team(f, add)
  if not f.cues.team then return end
  local h = cue(f, "team")
  if h then
    local c = f.clauses[h.clause]
    add("team", "You stood on their side: " .. quote(c and c.text or h.text))
  end
end

------------------------------------------------------------------------------------------

local LISTENER = { "reflection", "feeling", "check", "question", "validation",
                   "thanks", "apology", "ownership", "next_step",
                   "counter_complaint", "defensive", "criticism", "contempt", "minimizing", "fix_it",
                   "overpromise", "stonewalling" }
local SPEAKER = { "soft_startup", "request", "criticism", "contempt" }

local function fires(f, tag)
  local m = f.model[tag]
  return m ~= nil and m.fires
end

-- question: the model says the reply really asks ("what do you want, a medal?" does not);
-- the question's form says which kind ("what happened?" is open, "was it Tuesday?" and
-- "which one?" closed). The question must be one in form, and not the check that the check
-- move already names.
local function question(f, add)
  local m = f.model.question
  if not (m and m.fires) then
    -- a reflection voiced as a question ("So you felt left out?") is question_closed too
    local r = f.model.reflection
    local c = r and r.fires and r.clause and f.clauses[r.clause]
    if c and c.marked then add("question_closed", REASONS.question_closed(f, c.text, r.clause)) end
    return
  end
  local check = f.model.check
  local checked = check and check.fires and check.clause
  local order = {}
  if m.clause then order[1] = m.clause end
  for ci = 1, #f.clauses do order[#order + 1] = ci end
  for _, ci in ipairs(order) do
    local c = f.clauses[ci]
    local s = f.sents[c.sentence]
    if ci ~= checked and (c.marked or c.subject == "ask" or (s and s.asks)) then
      local kind = (s and s.question == "open") and "question_open" or "question_closed"
      add(kind, REASONS[kind](f, s and s.text or c.text, ci))
      return
    end
  end
end

local function listener(f, add)
  local reasoned = reasoned_no(f, add)
  for _, tag in ipairs(LISTENER) do
    if reasoned and (tag == "defensive" or tag == "counter_complaint") then goto next end
    if tag == "question" then
      question(f, add)
    elseif fires(f, tag) then
      if tag == "reflection" and f.parrot >= 0.7 then
        add("reflection", "You repeated their words back almost exactly; try your own words")
      else
        add(tag, reason(f, tag))
      end
    end
    ::next::
  end
  team(f, add)
end

local function speaker(f, add)
  for _, tag in ipairs(SPEAKER) do
    if fires(f, tag) then add(tag, reason(f, tag)) end
  end
end

-- the points in force: the defaults with the scenario's overrides, merged once per change
-- of the overrides (the host replaces R.overrides.points when it changes them)
local merged, merged_from = nil, nil
local function points_now()
  if merged_from ~= R.overrides.points or R.overrides.dirty then
    merged = {}
    for k, v in pairs(R.points) do merged[k] = v end
    for k, v in pairs(R.overrides.points) do merged[k] = v end
    merged_from, R.overrides.dirty = R.overrides.points, nil
  end
  return merged
end

function R.score(f)
  local points = points_now()
  f.points = points
  local moves, add = new_moves(points)
  if f.role == "customer" then speaker(f, add) else listener(f, add) end
  for _, m in ipairs(moves) do
    if m.tag == "reflection" and f.parrot >= 0.7 then
      m.points = points.parroting or 1
      m.reason = m.reason:gsub("[+−]%d+$", fmt_points(m.points))
    end
  end
  for _, rule in ipairs(R.overrides.rules) do rule(f, moves, add) end
  return moves
end

return R
