-- cues.lua: phrase patterns for the closed sets of moves, in the matcher's syntax (see
-- game/analysis/an_match.h): plain words, ~stem, @class, x? optional, (a|b) alternatives,
-- *N a gap of up to N words, ^ and $ sentence edges. A cue is evidence the learned models
-- read (as "cue:NAME"), and the rules quote it in reasons; it is never a move on its own,
-- except for reasoned_no and team, which no labelled data teaches (docs/moves.md).
-- Only sets that are really closed belong here: ways to thank, to apologise, to check,
-- to shut a talk down in a word, to refuse with a reason, to stand on the same side.
-- Written for Heard from everyday English.
return {
  cues = {
    -- asking whether one understood, or inviting more
    check = {
      "did i (get|understand) (that|it|this|you)? (right|correctly)",
      "am i (close|right|getting it|reading you|hearing you|understanding)",
      "(is|was) that (it|right|close|fair|accurate)", "(does|did) that (fit|sound right|feel right|seem right|ring true)",
      "(have|do|did) i (got|get|have) (that|it) right", "is there (more|anything else|something else)",
      "anything else", "did i miss (anything|something)", "correct me if", "tell me if i am (wrong|off|missing)",
      "what am i missing", "is that what you (mean|meant)",
    },
    thanks = {
      "thank you", "thanks", "i appreciate (you|that|it)", "(i am)? glad you (told|said|brought|raised|mentioned)",
    },
    apology = {
      "(i am) (so|really|truly|very|deeply)? sorry", "^ sorry", "i apologise", "i apologize", "my apologies",
    },
    -- saying the feeling or the view makes sense: the set phrases for it
    validation = {
      "(that|it|this)? makes (total|complete|perfect)? sense", "no wonder", "of course you (are|were|feel|felt|would)",
      "i (get|understand|see|can see) (why|how)", "(that is|it is|that was|sounds) (completely|totally|so)? (fair|understandable|valid|reasonable|normal)",
      "anyone would (be|feel)", "you have every right", "i would (feel|be) the same",
    },
    -- owning one's part: the set phrases for it
    ownership = {
      "you are (right|correct|absolutely right)", "(that is|that was|it is|it was) (on me|my fault|my bad|my mistake)",
      "my (fault|bad|mistake)", "i should (not)? have", "i (had not|have not|did not) (thought|think|seen|see|realized|realize|noticed|notice) (of)? (that|it|how)",
      "i (messed|screwed) up", "i (was|am) wrong", "i dropped the ball", "fair point", "good point", "i take responsibility",
    },
    -- the apology that blames the feeling: "sorry you feel that way", "sorry if you took it wrong"
    apology_fake = {
      "sorry (if|that)? you (feel|felt|took|are|were|think)", "sorry if (that|it) (upset|offended|hurt|bothered)",
    },
    -- shutting the talk down in a word or a set phrase
    stonewalling = {
      "^ (fine|k|kk|whatever|nope|enough|bye|goodnight) (.|!)? $",
      "(not|never) talking about (this|it|that)", "i am done (talking|with this)", "leave me alone",
      "i do not want to (talk|discuss) (about)? (it|this|that)", "drop it", "forget it", "not now",
      "i am not having this conversation",
    },
    -- saying no, or not yet
    refusal = {
      "(can not|could not|will not|would not) (say yes|agree|do that|do it|afford|make it|go|come)",
      "not (yet|right now|this time)", "i can not", "^ no ,", "the answer is no",
    },
    -- giving the reason
    reason = { "because", "since", "cause", "the thing is", "the problem is", "the reason" },
    -- leaving a way forward
    opening = {
      "(but|and)? if (we|you|i|it)", "once (we|you|i|it)", "(let us|can we|could we|shall we) (look|find|work|figure|talk|plan|try|see)",
      "how about", "what if (we|i)", "when (we|the) *3 (can|will)", "as soon as",
      "(but|instead) ,? (i|we) can", "what i can do is",
    },
    -- the two of them against the problem
    team = {
      "(same|one) (side|team)", "(work|figure|sort) (it|this|that)? (out)? together", "together we",
      "both of us", "(us|we) against (the|this|it)", "(we are|we're) in this together", "as a team",
      "for both of us",
    },
  },
}
