local co = {}
for i = 1, 1e6 do co[i] = coroutine.create(function() coroutine.yield(i) end); coroutine.resume(co[i]) end
