-- Writes a whole batch into the reader's generation, or nothing. Returns
--   1 written;
--  -1 a partition's position or a SKU's value changed since the caller read them (another replica
--     applied events meanwhile): read again and recompute;
--  -2 the caller's generation is neither served nor being built any more.
-- KEYS[1] the served generation pointer, KEYS[2] the building generation pointer,
-- KEYS[3] the positions hash of the caller's generation, KEYS[4..] the SKU keys written
-- ARGV[1] the caller's generation, ARGV[2] n, the number of partitions in the batch, then n triples
-- (partition, position read or '' if none, new position), then per SKU key the SHA-1 of the value
-- read ('' if there was none) and the new value
local generation = ARGV[1]
if redis.call('GET', KEYS[1]) ~= generation and redis.call('GET', KEYS[2]) ~= generation then
    return -2
end
local n = tonumber(ARGV[2])
for i = 0, n - 1 do
    if (redis.call('HGET', KEYS[3], ARGV[3 + 3 * i]) or '') ~= ARGV[4 + 3 * i] then
        return -1
    end
end
local values = 3 + 3 * n
for i = 4, #KEYS do
    local current = redis.call('GET', KEYS[i])
    if (current and redis.sha1hex(current) or '') ~= ARGV[values + 2 * (i - 4)] then
        return -1
    end
end
for i = 4, #KEYS do
    redis.call('SET', KEYS[i], ARGV[values + 2 * (i - 4) + 1])
end
for i = 0, n - 1 do
    redis.call('HSET', KEYS[3], ARGV[3 + 3 * i], ARGV[5 + 3 * i])
end
return 1
