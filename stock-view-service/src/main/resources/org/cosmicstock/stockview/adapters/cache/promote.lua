-- Serves the caller's generation from now on, if it is still the one being built (or already served).
-- KEYS[1] the served generation pointer, KEYS[2] the building generation pointer; ARGV[1] the generation
-- Returns 1 served, 0 superseded by another generation.
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return 1
end
if redis.call('GET', KEYS[2]) == ARGV[1] then
    redis.call('SET', KEYS[1], ARGV[1])
    redis.call('DEL', KEYS[2])
    return 1
end
return 0
