-- The current generation and its positions, read together so that a reader resumes from
-- positions of the generation its next writes are checked against.
-- KEYS[1] the generation pointer; ARGV[1] the key prefix
-- Returns {generation, partition, offset, partition, offset, ...}
local generation = redis.call('GET', KEYS[1]) or '0'
local positions = redis.call('HGETALL', ARGV[1] .. 'g:' .. generation .. ':positions')
table.insert(positions, 1, generation)
return positions
