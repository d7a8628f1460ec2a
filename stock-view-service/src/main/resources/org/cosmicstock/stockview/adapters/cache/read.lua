-- Everything a batch needs, read in one round trip: the generation pointers, the positions of the
-- reader's generation and the current value of every SKU the batch touches.
-- KEYS[1] the served generation pointer, KEYS[2] the building generation pointer,
-- KEYS[3] the positions hash of the reader's generation, KEYS[4..] the SKU keys
-- Returns {served or nil, building or nil, {partition, offset, ...}, {value or nil, ...}}
local values = {}
for i = 4, #KEYS do
    values[i - 3] = redis.call('GET', KEYS[i])
end
return {redis.call('GET', KEYS[1]), redis.call('GET', KEYS[2]), redis.call('HGETALL', KEYS[3]), values}
