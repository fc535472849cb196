-- café in Latin-1
return {
    id = "s",
    title = "S",
    description = "d",
    difficulty = 1,
}
