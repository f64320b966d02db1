namespace Quiz.Infrastructure.Contests;

/// <summary>
/// Stores a batch of answers to one question in one round trip. For each answer: the same answer id again is
/// accepted again, whenever it comes (a retry of a write whose reply was lost, e.g. to a Redis restart, must not turn
/// into "late"); else late if the room has moved to another question or the answer arrived after accept-until;
/// another answer from the same participant is a duplicate; otherwise it is stored, scored onto the boards and
/// logged. Returns 0 accepted, 1 duplicate, 2 late per answer. Score arithmetic is done by the caller and passed as
/// exact decimal strings: Lua's numbers would lose digits.
/// </summary>
internal static class AnswerBatchScript
{
    public const int FieldsPerAnswer = 11;

    // KEYS: room, answers, board, distribution, progress, team points, unit points, district points, log
    // ARGV: seq, count, then per answer: pid, answerId, receivedAt, boardIncrement, points, progress, distKeys,
    //       team, unit, district, log entry
    public const string Lua = """
        local seq = ARGV[1]
        local count = tonumber(ARGV[2])
        local room = redis.call('HMGET', KEYS[1], 'seq', 'acceptUntil')
        local current = room[1] == seq
        local acceptUntil = tonumber(room[2] or '0') or 0
        local out = {}
        local i = 3
        for n = 1, count do
            local pid, aid = ARGV[i], ARGV[i + 1]
            local stored = redis.call('HGET', KEYS[2], pid)
            if stored and string.sub(stored, 1, #aid + 1) == aid .. '|' then
                out[n] = 0
            elseif not current or tonumber(ARGV[i + 2]) > acceptUntil then
                out[n] = 2
            else
                if stored then
                    out[n] = 1
                else
                    local points = ARGV[i + 4]
                    redis.call('HSET', KEYS[2], pid, aid .. '|' .. ARGV[i + 2] .. '|' .. points)
                    redis.call('ZINCRBY', KEYS[3], ARGV[i + 3], pid)
                    redis.call('HSET', KEYS[5], pid, ARGV[i + 5])
                    for key in string.gmatch(ARGV[i + 6], '[^,]+') do
                        redis.call('HINCRBY', KEYS[4], key, 1)
                    end
                    if ARGV[i + 7] ~= '' then redis.call('HINCRBYFLOAT', KEYS[6], ARGV[i + 7], points) end
                    if ARGV[i + 8] ~= '' then redis.call('HINCRBYFLOAT', KEYS[7], ARGV[i + 8], points) end
                    if ARGV[i + 9] ~= '' then redis.call('HINCRBYFLOAT', KEYS[8], ARGV[i + 9], points) end
                    redis.call('RPUSH', KEYS[9], ARGV[i + 10])
                    out[n] = 0
                end
            end
            i = i + 11
        end
        return out
        """;
}
