using System.Collections.Concurrent;
using System.Globalization;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Banks;

/// <summary>
/// Banks on Redis: a meta hash and a questions hash per bank (both under the hash tag <c>{b:id}</c>) and one set of
/// bank ids. A write is one MULTI/EXEC: every question HSET in a single command plus the revision bump, guarded by
/// WATCH on the revision (StackExchange.Redis' HashEqual condition). Redis applies all of it or, if the revision
/// moved or the connection failed before EXEC, none of it; nothing in it can fail half-way (plain HSET/HINCRBY on
/// hashes), so a failed import never leaves part of a file behind and never touches what was stored.
/// Reads keep the decoded bank per revision in memory, so searches and paper draws cost one HGET when nothing changed.
/// </summary>
internal sealed class RedisBankStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock) : IBankStore, IQuestionSource
{
    private readonly ConcurrentDictionary<string, BankContents> _cache = new();

    private IDatabase Db => redis.GetDatabase();

    public async Task<Bank> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var id = QuestionIds.NewBankId();
        var now = clock.GetUtcNow();
        var stamp = Stamp(now);
        // Meta before the index: a crash in between leaves an invisible bank, never a listed bank without meta.
        await Db.HashSetAsync(keys.BankMeta(id), [new("name", name), new("createdAt", stamp), new("updatedAt", stamp), new("rev", 0)]);
        await Db.SetAddAsync(keys.Banks(), id);
        return new Bank(id, name, 0, now, now);
    }

    public async Task<Bank?> FindAsync(string bankId, CancellationToken cancellationToken)
    {
        var db = Db;
        var meta = db.HashGetAsync(keys.BankMeta(bankId), ["name", "createdAt", "updatedAt"]);
        var count = db.HashLengthAsync(keys.BankQuestions(bankId));
        var fields = await meta;
        return fields[0].IsNull ? null : new Bank(bankId, fields[0]!, (int)await count, Parse(fields[1]), Parse(fields[2]));
    }

    public async Task<IReadOnlyList<Bank>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await Db.SetMembersAsync(keys.Banks());
        var banks = await Task.WhenAll(ids.Select(id => FindAsync(id!, cancellationToken)));
        return [.. banks.OfType<Bank>().OrderBy(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal)];
    }

    public async Task<bool> RenameAsync(string bankId, string name, CancellationToken cancellationToken)
    {
        var meta = keys.BankMeta(bankId);
        var tran = Db.CreateTransaction();
        tran.AddCondition(Condition.KeyExists(meta));
        _ = tran.HashSetAsync(meta, [new("name", name), new("updatedAt", Stamp(clock.GetUtcNow()))]);
        _ = tran.HashIncrementAsync(meta, "rev");
        return await tran.ExecuteAsync();
    }

    public async Task<bool> DeleteAsync(string bankId, CancellationToken cancellationToken)
    {
        // Out of the index first: a crash after this leaves unlisted leftovers, never a listed half-deleted bank.
        var listed = await Db.SetRemoveAsync(keys.Banks(), bankId);
        var deleted = await Db.KeyDeleteAsync([keys.BankMeta(bankId), keys.BankQuestions(bankId)]);
        _cache.TryRemove(bankId, out _);
        return listed || deleted > 0;
    }

    public async Task<BankContents?> LoadAsync(string bankId, CancellationToken cancellationToken)
    {
        var rev = await Db.HashGetAsync(keys.BankMeta(bankId), "rev");
        if (rev.IsNull)
        {
            _cache.TryRemove(bankId, out _);
            return null;
        }
        if (_cache.TryGetValue(bankId, out var cached) && cached.Revision == (long)rev)
        {
            return cached;
        }
        // Meta and questions read in one transaction, so the revision labels exactly the questions read with it.
        var tran = Db.CreateTransaction();
        var metaTask = tran.HashGetAllAsync(keys.BankMeta(bankId));
        var questionsTask = tran.HashGetAllAsync(keys.BankQuestions(bankId));
        await tran.ExecuteAsync();
        var meta = (await metaTask).ToDictionary(e => (string)e.Name!, e => e.Value);
        if (!meta.TryGetValue("rev", out var revision))
        {
            return null;
        }
        var questions = (await questionsTask).Select(e => QuestionJson.Read(e.Value!)).ToList();
        var bank = new Bank(bankId, meta["name"]!, questions.Count, Parse(meta["createdAt"]), Parse(meta["updatedAt"]));
        var contents = new BankContents(bank, (long)revision, questions);
        _cache[bankId] = contents;
        return contents;
    }

    public async Task<bool> TryCommitAsync(string bankId, long expectedRevision, IReadOnlyList<Question> upserts, CancellationToken cancellationToken)
    {
        var meta = keys.BankMeta(bankId);
        var tran = Db.CreateTransaction();
        tran.AddCondition(Condition.HashEqual(meta, "rev", expectedRevision));
        _ = tran.HashSetAsync(keys.BankQuestions(bankId), [.. upserts.Select(q => new HashEntry(q.Id, QuestionJson.Write(q)))]);
        _ = tran.HashSetAsync(meta, "updatedAt", Stamp(clock.GetUtcNow()));
        _ = tran.HashIncrementAsync(meta, "rev");
        return await tran.ExecuteAsync();
    }

    public async ValueTask<IReadOnlyList<Question>> GetQuestionsAsync(string bankId, IReadOnlyList<string> questionIds, CancellationToken cancellationToken)
    {
        var bank = await LoadAsync(bankId, cancellationToken) ?? throw DomainException.NotFound("Bank", bankId);
        var byId = bank.Questions.ToDictionary(q => q.Id);
        return [.. questionIds.Select(id => byId.GetValueOrDefault(id) ?? throw DomainException.NotFound("Question", id))];
    }

    public async ValueTask<IReadOnlyList<Question>> GetActiveQuestionsAsync(string bankId, CancellationToken cancellationToken)
    {
        var bank = await LoadAsync(bankId, cancellationToken) ?? throw DomainException.NotFound("Bank", bankId);
        return [.. bank.Questions.Where(q => !q.Retired)];
    }

    private static string Stamp(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(RedisValue value) =>
        value.IsNull ? default : DateTimeOffset.Parse(value!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
