-- A long list of short sentences, as a prompt and as an example reply.
local s = {}
for i = 1, 20000 do s[i] = "I hear you " .. i .. "." end
local many = table.concat(s, " ")
return { id = "long_sentences", title = "Sentences", description = many:sub(1, 200),
  difficulty = 2, prompts = { many, ("Short. "):rep(2e5) },
  examples = { { reply = many, want = { "reflection" } } } }
