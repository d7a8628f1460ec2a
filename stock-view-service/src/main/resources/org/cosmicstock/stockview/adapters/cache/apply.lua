-- Writes one SKU's new value and its partition's position together, or nothing. Returns
--   1 written;
--   0 the partition's position already reached the offset: applied before, here or by another replica;
--  -1 the SKU's value changed since the caller read it: read again and recompute;
--  -2 the view was dropped since the caller read the positions: resume from the new ones.
-- KEYS[1] the generation pointer, KEYS[2] the SKU's key, KEYS[3] the positions hash (of the caller's generation)
-- ARGV[1] the caller's generation, ARGV[2] partition, ARGV[3] offset,
-- ARGV[4] SHA-1 of the value the caller read ('' if there was none), ARGV[5] the new value
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then
    return -2
end
local applied = redis.call('HGET', KEYS[3], ARGV[2])
if applied and tonumber(applied) >= tonumber(ARGV[3]) then
    return 0
end
local current = redis.call('GET', KEYS[2])
if (current and redis.sha1hex(current) or '') ~= ARGV[4] then
    return -1
end
redis.call('SET', KEYS[2], ARGV[5])
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
return 1
