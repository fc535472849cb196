-- words.lua: closed word classes the phrase patterns use: pronouns, absolutes, times of
-- day and week, quantifiers, intensifiers and kin. Words match by stem unless written
-- "=word". Written for Heard. Open classes (character labels, grievances, advice verbs)
-- are not listed here: the learned models read those words themselves.
return {
  classes = {
    you = { "=you", "=your", "=yours", "=yourself", "=u" },
    me = { "=i", "=me", "=my", "=mine", "=myself" },
    absolute = { "=always", "=never", "=constantly", "=forever", "=everything", "=nothing", "=ever" },
    time = { "today", "tonight", "tomorrow", "=now", "weekend", "monday", "tuesday", "wednesday",
             "thursday", "friday", "saturday", "sunday", "morning", "evening", "afternoon", "week",
             "=o'clock", "=am", "=pm", "noon", "later", "=soon", "minute", "hour" },
    quant = { "every", "all", "whole", "single", "each", "any" },
    intens = { "so", "really", "very", "totally", "completely", "such", "incredibly", "super",
               "extremely", "pretty", "quite", "truly", "honestly" },
    -- family and household: "mom" and "mum" are one kin word
    kin = { "mom", "mum", "mother", "mam", "dad", "father", "sister", "brother", "parent",
            "family", "son", "daughter", "kid", "child", "children", "grandma", "grandad",
            "granddad", "grandpa", "nan", "aunt", "uncle", "cousin", "wife", "husband" },
  },
}
