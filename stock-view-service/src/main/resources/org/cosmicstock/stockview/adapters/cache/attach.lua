-- Chooses the generation a reader writes into, atomically with the other replicas' choices.
-- KEYS[1] the served generation pointer, KEYS[2] the building generation pointer
-- ARGV[1] 'resume', 'rebuild' or 'recover'; ARGV[2] the generation the reader wrote into ('' if it
-- has written nothing yet); ARGV[3] an id for a new generation, used if one must be started
-- Returns {chosen generation or nil, 1 if it is served else 0}; nil (resume only) means the reader's
-- generation is gone and none is served: the view was lost.
local served = redis.call('GET', KEYS[1])
local building = redis.call('GET', KEYS[2])
local mode, mine, fresh = ARGV[1], ARGV[2], ARGV[3]
if mode == 'resume' then
    if mine ~= '' and mine == served then
        return {mine, 1}
    end
    if mine ~= '' and mine == building then
        return {mine, 0}
    end
    if served then
        return {served, 1}
    end
    if mine ~= '' then
        return {false, 0}
    end
    if building then
        return {building, 0}
    end
elseif mode == 'recover' then
    -- Stop serving a generation known to have a hole; join a rebuild someone else already started.
    if mine ~= '' and served == mine then
        redis.call('DEL', KEYS[1])
    end
    if building and building ~= mine then
        return {building, 0}
    end
end
redis.call('SET', KEYS[2], fresh)
return {fresh, 0}
