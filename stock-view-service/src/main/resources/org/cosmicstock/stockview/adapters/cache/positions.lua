-- The served generation's positions, read with the pointer so that they belong together.
-- KEYS[1] the served generation pointer; ARGV[1] the key prefix
-- Returns {partition, offset, ...}, empty if no generation is served
local generation = redis.call('GET', KEYS[1])
if not generation then
    return {}
end
return redis.call('HGETALL', ARGV[1] .. 'g:' .. generation .. ':positions')
