return setmetatable({}, { __index = function(t, k) error({ k }) end })
