local ex = {}
for i = 1, 2000 do ex[i] = { reply = "ok", moves = {} } end
return {
    id = "s",
    title = "S",
    description = "d",
    difficulty = 1,
    examples = ex,
}
