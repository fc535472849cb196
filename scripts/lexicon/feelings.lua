-- feelings.lua: feeling words in families, each with an intensity (1 mild, 2 clear,
-- 3 strong). A reply that names a word of the same family as the partner's answers it:
-- "furious" answers "angry". Words match by stem unless written "=word" (exact only): a
-- word whose stem other words share ("thankful" and "thank you", "fed up" and "fed") is
-- matched exactly.
-- Written for Heard from everyday English usage.
return {
  classes = {
    -- verbs of the inner life, what a person feels, wants, thinks or minds: a closed set,
    -- read as one kind of word in the shape of a clause ("you want...", "you miss...")
    inner = { "feel", "want", "wish", "think", "hope", "worry", "wonder", "need", "miss",
              "mind", "care", "hate", "love", "like", "fear", "dread", "regret", "expect",
              "believe", "sense", "struggle", "resent", "doubt", "trust", "prefer" },
  },
  families = {
    feeling = {
      anger = {
        [1] = { "annoyed", "irritated", "bothered", "bugged", "miffed", "grumpy", "peeved", "irked" },
        [2] = { "angry", "mad", "frustrated", "=cross", "resentful", "=fed", "aggravated", "maddening",
                "sick", "upset" },
        [3] = { "furious", "livid", "enraged", "infuriated", "infuriating", "seething", "outraged", "fuming" },
      },
      sadness = {
        [1] = { "disappointed", "=blue", "glum", "bummed", "sad" },
        [2] = { "unhappy", "sorrowful", "gutted", "discouraged", "heartsick", "miserable" },
        [3] = { "heartbroken", "devastated", "crushed", "despairing", "grieving", "hopeless", "=breaking" },
      },
      fear = {
        [1] = { "uneasy", "nervous", "unsure", "jittery", "tense" },
        [2] = { "worried", "anxious", "scared", "afraid", "stressed", "concerned", "frightened", "scary",
                "dreading", "dread", "freaked", "freaking", "insecure", "worry", "anxiety", "stress" },
        [3] = { "terrified", "panicked", "panicky", "petrified", "frantic", "horrified" },
      },
      hurt = {
        [1] = { "stung", "slighted", "hurt" },
        [2] = { "rejected", "unwanted", "unloved", "betrayed", "wounded", "humiliated", "humiliating",
                "embarrassed", "ashamed", "foolish", "stupid", "=small", "dismissed", "invisible" },
        [3] = { "crushed", "devastated", "mortified" },
      },
      loneliness = {
        [1] = { "distant", "disconnected", "apart" },
        [2] = { "lonely", "alone", "isolated", "ignored", "excluded", "outsider", "forgotten",
                "afterthought", "roommate", "neglected", "unseen", "unheard" },
        [3] = { "abandoned", "deserted" },
      },
      tiredness = {
        [1] = { "tired", "weary", "drained" },
        [2] = { "exhausted", "worn", "overwhelmed", "overloaded", "stretched", "fried" },
        [3] = { "burnt", "burned", "depleted", "shattered" },
      },
      guilt = {
        [1] = { "sheepish" },
        [2] = { "guilty", "regretful", "remorseful" },
        [3] = { "wretched" },
      },
      trapped = {
        [2] = { "trapped", "stuck", "cornered", "pressured", "pressure", "suffocated", "controlled",
                "nagging", "nag", "torn" },
      },
      jealousy = { [2] = { "jealous", "envious", "threatened" } },
      surprise = { [1] = { "surprised", "shocked", "confused", "puzzled", "=thrown" } },
      joy = {
        [1] = { "glad", "pleased", "relieved" },
        [2] = { "happy", "grateful", "=thankful", "proud", "excited", "=hopeful", "=loved", "=appreciated",
                "=cared" },
        [3] = { "thrilled", "overjoyed", "delighted", "ecstatic" },
      },
      uncomfortable = {
        [1] = { "uncomfortable", "awkward", "weird" },
        [2] = { "uptight", "unsettled", "disturbed" },
      },
    },
  },
}
