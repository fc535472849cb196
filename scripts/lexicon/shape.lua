-- shape.lua: the shapes of a reflection that does not echo the partner's words but reads
-- their inner life back to them: "you" with a verb of feeling, wanting or thinking, "you"
-- with a state ("you're not sure", "you're ready"), an inferred feeling ("it's been hard",
-- "that must sting"), a summary ("what I'm hearing", "so far you've said") and a tentative
-- reading ("I guess you...", "I get the sense that..."). The fitted model reads them through
-- game/analysis/an_model.c, which also checks the sentence around each one (no advice, no
-- grievance of one's own, not a question that asks). Written for Heard from everyday English.
return {
  classes = {
    -- verbs of the inner life: what a person feels, wants, thinks, notices or struggles with
    inner = { "feel", "want", "wish", "think", "believe", "worry", "wonder", "hope", "fear",
              "seem", "sound", "notice", "enjoy", "like", "love", "hate", "struggle", "care",
              "miss", "need", "mind", "prefer", "value", "realize", "realise", "find",
              "sense", "regret", "doubt", "trust", "expect", "plan", "intend", "consider",
              "decide", "imagine", "appreciate", "dread", "resent", "crave", "suspect",
              "hesitate", "cope", "avoid", "dislike", "question", "feeling", "wondering",
              "hoping", "thinking", "trying", "weighing", "torn", "juggle", "carry" },
    -- states a person is in, said with a copula ("you're not sure", "you seem ready")
    state = { "sure", "unsure", "ready", "willing", "able", "comfortable", "confident",
              "committed", "determined", "motivated", "interested", "open", "aware", "careful",
              "proud", "glad", "afraid", "tired", "stuck", "torn", "done", "serious", "hesitant",
              "reluctant", "curious", "ambivalent", "certain", "uncertain", "convinced", "keen",
              "eager", "desperate", "bored", "lonely", "alone", "fed", "sick", "struggling",
              "looking", "hoping", "trying", "thinking", "feeling", "wondering", "considering",
              "planning", "worried", "concerned", "frustrated", "upset", "hurt", "overwhelmed",
              "clear", "okay", "fine", "happy", "content", "satisfied" },
    -- what an inferred feeling calls the partner's situation
    hardship = { "hard", "tough", "difficult", "rough", "struggle", "challenge", "challenging",
                 "overwhelming", "exhausting", "draining", "stressful", "painful", "frustrating",
                 "confusing", "scary", "lonely", "heavy", "tricky", "demanding", "upsetting",
                 "discouraging", "hurtful", "worrying", "unsettling", "shocking", "tiring",
                 "isolating", "nerve", "relief", "exciting", "hopeful" },
  },
  -- the rules read this one too: a feeling read into the partner's situation
  cues = {
    infer_feeling = {
      "(it|that|this) (is|was|has been|had been|must be|must have been|can be|could be|would be|might be|sounds|sounded|seems|seemed|feels|felt|gets|got|has got) (really|so|very|pretty|quite|a bit|a little|kind of|sort of|such|a|an|all|been)? *1 (@hardship|@feeling)",
      "(that|it|this) (must|might|would|could) (be|feel|get|have been|have felt|hurt|sting)",
      "(hard|tough|difficult|rough|scary|struggle|challenge|not easy|lot) (to|when|for you|with|having|being)",
      "no wonder (you|it|that)", "(what|such) a (struggle|relief|lot|shock|worry)",
    },
  },
  -- read by the fitted model only (game/analysis/an_model.c); the rules never see them.
  -- Patterns start at their rarest word where they can ("few things", not "a few things"):
  -- a pattern is tried wherever its first word appears.
  model_cues = {
    you_inner = {
      "you (are|were|have been|had been|have|had|do|did|would|might|may|still|really|also|just|actually|probably|even|not|never|kind of|sort of|almost|both|partly)? *1 @inner",
      "(makes|made|make|helps|helped|help|lets|let|leaves|left|gets|got|keeps|kept) you *1 @inner",
    },
    you_are_state = {
      "you (are|were|have been|had been|seem|seemed|sound|sounded|look|looked|feel|felt|get|got|are getting|are feeling|have felt) (really|so|very|pretty|quite|a bit|a little|kind of|sort of|not|not really|not so|not quite|still|also|just|actually|more|less|fairly|somewhat|already|now|both)? *1 (@state|@feeling)",
    },
    summary = {
      "far (you|we) (have|had)", "let me (see if|make sure|check that|sum|summarize|summarise|recap|just see|try)",
      "what i (am hearing|hear|heard|am getting|got) (is|from|you)", "if i (am hearing|hear|understand|heard|understood|am understanding) (you|this|that|it|correctly|right)",
      "(sum|summarize|summarise|recap) (up|it|this|that|all)?",
      "you (have|are|were|have been|also|have also|also have)? (told|mentioned|said|talked about|described|shared|brought up|saying|telling me|describing|talking about)",
      "(few|couple|number|several|two|three|lots) (of)? (things|reasons|ways|parts|sides|pieces)",
      "one (side|hand)", "(make sure|check|see) (that)? i (have got|have|got|understand|am understanding|heard|am following)",
    },
    -- a reading of the partner's situation anywhere in the sentence, not only at its start
    reading = {
      "(sounds|sounded|seems|seemed|looks|looked|feels) (like|as though|as if|to me|that)",
      "(does|do|really) (sound|seem|look|feel) (like|as though|as if|to me|that)",
      "like you (are|were|have|had|feel|felt|want|need)",
    },
    -- a hypothetical or a condition put to the partner: advice and information, not their side
    if_you = {
      "(if|unless|once) you", "(case|long as) you", "you (would|will|could|might) (have to|need to|be able to|want to)",
    },
    tentative = {
      "i (guess|imagine|suspect|sense|bet|hear) (that)? (you|it|this|that|there|your|part|some|maybe)",
      "i (get the|am getting a|am) (sense|feeling|impression|guessing|sensing|hearing|getting|sure) (that)? (you|it|this|that|there|your|part|some|maybe)",
      "(maybe|perhaps|possibly) (you|it|this|that|there|part)",
    },
    -- "I guess", "I mean", "I wonder": the listener's own hedges, not a first-person story
    hedge_i = {
      "i (guess|think|mean|wonder|imagine|suspect|sense|bet|hear|know|understand|see|get|notice|noticed|appreciate|agree)",
      "i (am|would|can|do|will) (hearing|guessing|wondering|curious|sure|sensing|getting|noticing|thinking|imagine|guess|think|say|agree|see|understand)",
      "(let|help) me",
    },
  },
}
