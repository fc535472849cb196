local function f(n) return f(n + 0) + 1 end
return f(1)
