namespace Quiz.Infrastructure.Contests;

/// <summary>
/// Stores a batch of answers to one question in one round trip. For each answer, in this order:
/// <list type="number">
/// <item>the same answer id already stored: "A|at|hundredths|streak", what is stored (a resend, or a retry of a write
/// whose reply was lost, e.g. to a Redis restart: never late, never scored twice);</item>
/// <item>the room has moved to another question, or the answer arrived after accept-until: "L" (late);</item>
/// <item>another answer of the participant is stored: "D" (duplicate; the first one counts);</item>
/// <item>the node scored it on an opening or a progress (the streak the last answer left) other than the stored ones:
/// "R|opensAt|progress", nothing stored; the node scores it again on these;</item>
/// <item>otherwise it is stored ("aid|at|open|hundredths|streak"), added to the person board, the group sums and the
/// answer spread, the participant's progress is set, the answer is appended to the log: "S".</item>
/// </list>
/// Arithmetic is done by the caller and passed as integers (hundredths): Lua's numbers are doubles.
/// </summary>
internal static class AnswerBatchScript
{
    public const int FieldsPerAnswer = 13;

    // KEYS: room, answers, board, distribution, progress, team points, unit points, district points, log
    // ARGV: seq, count, then per answer: pid, answerId, receivedAt, opensAt assumed, progress assumed, board increment,
    //       hundredths, progress after, distribution keys, team, unit, district, log entry
    public const string Lua = """
        local seq = ARGV[1]
        local count = tonumber(ARGV[2])
        local room = redis.call('HMGET', KEYS[1], 'seq', 'acceptUntil', 'opensAt')
        local current = room[1] == seq
        local acceptUntil = tonumber(room[2] or '0') or 0
        local opensAt = room[3] or '0'
        local out = {}
        local i = 3
        for n = 1, count do
            local pid, aid, at = ARGV[i], ARGV[i + 1], ARGV[i + 2]
            local stored = redis.call('HGET', KEYS[2], pid)
            if stored and string.sub(stored, 1, #aid + 1) == aid .. '|' then
                local _, _, sat, _, sh, ss = string.find(stored, '^[^|]*|([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
                out[n] = 'A|' .. (sat or '') .. '|' .. (sh or '') .. '|' .. (ss or '')
            elseif not current or tonumber(at) > acceptUntil then
                out[n] = 'L'
            elseif stored then
                out[n] = 'D'
            else
                local progress = redis.call('HGET', KEYS[5], pid) or '0:-1'
                if ARGV[i + 3] ~= opensAt or ARGV[i + 4] ~= progress then
                    out[n] = 'R|' .. opensAt .. '|' .. progress
                else
                    local h = ARGV[i + 6]
                    local after = ARGV[i + 7]
                    local streak = string.match(after, '^(%d+):') or '0'
                    redis.call('HSET', KEYS[2], pid, aid .. '|' .. at .. '|' .. opensAt .. '|' .. h .. '|' .. streak)
                    redis.call('ZINCRBY', KEYS[3], ARGV[i + 5], pid)
                    redis.call('HSET', KEYS[5], pid, after)
                    for key in string.gmatch(ARGV[i + 8], '[^,]+') do
                        redis.call('HINCRBY', KEYS[4], key, 1)
                    end
                    if ARGV[i + 9] ~= '' then redis.call('HINCRBY', KEYS[6], ARGV[i + 9], h) end
                    if ARGV[i + 10] ~= '' then redis.call('HINCRBY', KEYS[7], ARGV[i + 10], h) end
                    if ARGV[i + 11] ~= '' then redis.call('HINCRBY', KEYS[8], ARGV[i + 11], h) end
                    redis.call('RPUSH', KEYS[9], ARGV[i + 12])
                    out[n] = 'S'
                end
            end
            i = i + 13
        end
        return out
        """;
}
