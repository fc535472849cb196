-- needs.lua: what people ask for underneath a complaint, grouped loosely. Used to notice a
-- speaker naming a positive need ("I'd love help after dinner") and a listener naming it
-- back ("you want more of the little touches"). Written for Heard.
return {
  families = {
    need = {
      help = { [2] = { "help", "hand", "support", "share", "together", "team", "backup", "pitch" } },
      closeness = { [2] = { "affection", "hug", "cuddle", "touch", "closeness", "intimacy",
                            "connection", "attention", "listen", "heard" } },
      rest = { [2] = { "rest", "sleep", "break", "quiet", "space", "calm", "relax" } },
      respect = { [2] = { "respect", "recognition", "noticed", "appreciation", "credit", "fair",
                          "fairness", "matter", "count", "valued" } },
      security = { [2] = { "safe", "safety", "secure", "plan", "save", "savings", "trust", "reliable",
                           "depend" } },
      order = { [2] = { "tidy", "clean", "order", "routine", "schedule" } },
    },
  },
}
