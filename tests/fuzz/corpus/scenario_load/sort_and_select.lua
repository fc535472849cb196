-- table.sort with comparisons that lie or run in C; select('#') over long argument lists.
local t = {}
for i = 1, 3000 do t[i] = (i * 7919) % 3001 end
table.sort(t, function() return math.random(2) == 1 end)
table.sort(t, rawequal)
pcall(table.sort, t, function() error("no order") end)
local count = 0
for _ = 1, 50 do count = count + select("#", table.unpack(t)) + select(-1, 1, 2, 3) end
return { id = "sort_select", title = "n" .. count, description = "sort", difficulty = 1 }
