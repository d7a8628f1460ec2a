-- One SKU's value in the current generation, so that a replica reads the view another replica
-- is rebuilding as soon as that one has switched generations.
-- KEYS[1] the generation pointer; ARGV[1] the key prefix, ARGV[2] the SKU
local generation = redis.call('GET', KEYS[1]) or '0'
return redis.call('GET', ARGV[1] .. 'g:' .. generation .. ':sku:' .. ARGV[2])
