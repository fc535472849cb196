-- Reaches for io, os and the debug library while loading.
-- hostile: turns 0
-- hostile: message io
local found = {}
for _, name in ipairs({ "io", "os", "debug", "package", "require", "dofile", "loadfile" }) do
    if rawget(_G, name) ~= nil then found[#found + 1] = name end
end
if #found > 0 then error("reachable: " .. table.concat(found, ", ")) end
io.open("/tmp/heard-hostile-escaped", "w"):write("escaped")
