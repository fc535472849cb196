return {
    id = "s",
    title = "S",
    description = "d",
    difficulty = math.maxinteger,
    rounds = 1e308,
    turn_seconds = math.mininteger,
    points = { reflection = 2^63 },
}
