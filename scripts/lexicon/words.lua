-- words.lua: word classes the cue phrases and the analyser use: pronouns, question words,
-- absolutes, character labels, grievance words, time words, action verbs. Words match by
-- stem unless written "=word". Written for Heard.
return {
  classes = {
    you = { "=you", "=your", "=yours", "=yourself", "=u" },
    me = { "=i", "=me", "=my", "=mine", "=myself" },
    absolute = { "=always", "=never", "=constantly", "=forever", "=everything", "=nothing", "=ever" },
    -- character labels: what criticism and contempt call the partner
    trait = { "lazy", "selfish", "controlling", "uptight", "territorial", "scatterbrained",
              "hypocrite", "pushover", "useless", "immature", "childish", "dramatic", "ridiculous",
              "irresponsible", "careless", "inconsiderate", "stingy", "tight", "cheap", "clingy",
              "needy", "paranoid", "crazy", "insane", "pathetic", "spoiled", "arrogant", "rude",
              "unbearable", "impossible", "negative", "difficult", "ungrateful", "thoughtless",
              "laziest", "worst", "messy", "slob", "nag", "jerk", "idiot", "mean", "cold",
              "hopeless", "disaster", "liar", "control", "=freak", "sensitive", "petty", "bossy",
              "stubborn", "naggy", "moody", "flaky", "unreliable", "joke", "lame" },
    -- words that carry a grievance when the speaker says them about their own lot
    grievance = { "tired", "sick", "alone", "only", "nightmare", "awful", "worst", "yelled", "migraine",
                  "torture", "exhausted", "break", "blaring", "hardly", "picnic", "stuck", "chaos",
                  "nobody", "ignored", "bad", "terrible", "horrible", "killing", "hurt", "late",
                  "mess", "forgot", "left", "steal", "kick", "hour", "hours", "day", "days",
                  "week", "month", "barely", "even", "every", "all", "whole", "either", "too" },
    time = { "today", "tonight", "tomorrow", "=now", "weekend", "monday", "tuesday", "wednesday",
             "thursday", "friday", "saturday", "sunday", "morning", "evening", "afternoon", "week",
             "=o'clock", "=am", "=pm", "noon", "later", "=soon", "=first", "=next", "minute",
             "hour", "dinner", "lunch", "breakfast", "bed", "bedtime" },
    -- verbs of a concrete follow-up
    act = { "call", "text", "book", "make", "refund", "order", "set", "take", "do", "handle", "talk",
            "clean", "fix", "look", "check", "cancel", "pick", "buy", "email", "write", "ask",
            "move", "plan", "sort", "put", "start", "schedule", "cook", "drive", "help", "bring",
            "run", "send", "tell", "find", "get", "pay", "try", "sit", "go", "speak", "arrange",
            "alternate", "split", "swap", "list", "cover", "walk", "wash", "fold", "vacuum", "change",
            "keep", "turn", "close", "reply", "answer", "remind" },
    -- imperative verbs that start advice, in their bare form ("Drinking with friends..." is no order)
    advise = { "=buy", "=get", "=grab", "=take", "=try", "=text", "=call", "=tell", "=ask", "=put",
               "=hire", "=ignore", "=laugh", "=talk", "=use", "=check", "=drink", "=sleep",
               "=hide", "=skip", "=move", "=quit", "=find", "=make", "=send", "=switch", "=unplug",
               "=block", "=mute", "=eat", "=wear", "=run", "=pay", "=book", "=look", "=contact",
               "=complain", "=read", "=turn" },
    quant = { "every", "all", "whole", "single", "each", "any" },
    intens = { "so", "really", "very", "totally", "completely", "such", "incredibly", "super",
               "extremely", "pretty", "quite", "bit", "little", "kind", "sort", "truly", "honestly" },
  },
}
