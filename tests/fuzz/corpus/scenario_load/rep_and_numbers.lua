-- Empty pieces repeated 2^63 times, a gigabyte refused, numbers with a million spaces.
local nothing = string.rep("", math.maxinteger) .. ("")
local ok = pcall(string.rep, "x", 1 << 30)
local spaces = (" "):rep(1e6) .. "7"
local n = tonumber(spaces) + (spaces + 0) + math.floor(spaces)
return { id = "rep_numbers", title = "n" .. n .. nothing, description = tostring(ok),
  difficulty = 1 }
