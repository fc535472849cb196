-- utf8 functions over long and broken strings, and huge offsets.
local s = ("é"):rep(1e5) .. "\x80\x80" .. ("\x80"):rep(1e4)
local n = utf8.len(s) or 0
local at = utf8.offset(s, 1e9) or 0
local cps = select("#", pcall(utf8.codepoint, s, 1, -1))
for p, c in utf8.codes(("a\x80\x80"):rep(1e3)) do n = n + c end
return { id = "utf8_walk", title = "utf8 " .. n .. at .. cps, description = utf8.char(72, 233),
  difficulty = 1 }
