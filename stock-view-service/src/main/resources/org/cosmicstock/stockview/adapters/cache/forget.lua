-- Deletes keys of generations that are neither served nor being built, checked against the
-- pointers at the moment of deleting, so that a generation started meanwhile is never touched.
-- KEYS[1] the served generation pointer, KEYS[2] the building generation pointer, KEYS[3..] keys
-- ARGV[i] the generation KEYS[i + 2] belongs to
local served = redis.call('GET', KEYS[1])
local building = redis.call('GET', KEYS[2])
local deleted = 0
for i = 3, #KEYS do
    local generation = ARGV[i - 2]
    if generation ~= served and generation ~= building then
        redis.call('UNLINK', KEYS[i])
        deleted = deleted + 1
    end
end
return deleted
