-- One SKU's value in the served generation, so that every replica answers from the generation
-- served now, whichever one it writes into.
-- KEYS[1] the served generation pointer; ARGV[1] the key prefix, ARGV[2] the SKU
local generation = redis.call('GET', KEYS[1])
if not generation then
    return nil
end
return redis.call('GET', ARGV[1] .. 'g:' .. generation .. ':sku:' .. ARGV[2])
