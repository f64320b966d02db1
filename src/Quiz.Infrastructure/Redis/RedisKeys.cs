namespace Quiz.Infrastructure.Redis;

/// <summary>
/// Every Redis key this application uses, as pure functions of the domain ids. Keys of one contest share the hash
/// tag <c>{c:id}</c> so one Lua script may touch all of them in Redis Cluster.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>A key nobody else uses; the readiness probe writes nothing, it only pings.</summary>
    public string Meta(string name) => $"{Prefix}meta:{name}";

    /// <summary>Set of every bank id. Outside any bank's hash slot, so it is written before or after a bank, never with it.</summary>
    public string Banks() => $"{Prefix}banks";

    /// <summary>Hash: name, createdAt, updatedAt, rev (goes up with every write to the bank; commits are conditional on it).</summary>
    public string BankMeta(string bankId) => $"{Prefix}{{b:{bankId}}}:meta";

    /// <summary>Hash: question id to the question as JSON.</summary>
    public string BankQuestions(string bankId) => $"{Prefix}{{b:{bankId}}}:questions";

    /// <summary>Join code to contest id. Not tagged: looked up before the contest is known.</summary>
    public string JoinCode(string code) => $"{Prefix}code:{code}";

    /// <summary>Sorted set: contest id by creation time (ms), for the organizers' list. Not tagged: it spans contests.</summary>
    public string ContestIndex => $"{Prefix}contests";

    /// <summary>Hash: contest id to its <c>ContestSummary</c> (JSON), what the list shows without reading a definition.</summary>
    public string ContestSummaries => $"{Prefix}contests:summary";

    /// <summary>Channel on which nodes tell each other that a room moved.</summary>
    public string RoomEvents => $"{Prefix}events:rooms";

    /// <summary>The contest definition with its question snapshot and keys (JSON). Server-side only.</summary>
    public string Contest(string id) => $"{Contest_(id)}def";

    /// <summary>Hash: the live room (status, seq, times, version, join code).</summary>
    public string Room(string id) => $"{Contest_(id)}room";

    /// <summary>String with a short expiry: the node that sends the live answer count of the room at this version.</summary>
    public string AnswerCounter(string id, long roomVersion) => $"{Contest_(id)}counter:{roomVersion}";

    /// <summary>Hash: participant id to profile (JSON).</summary>
    public string Participants(string id) => $"{Contest_(id)}p";

    /// <summary>Hash: SHA-256 of a participant token to participant id.</summary>
    public string Tokens(string id) => $"{Contest_(id)}tok";

    // A contest's answers, progress and boards are split by participant over its shards (ContestDefinition.Shards):
    // shard 0 is the contest's own slot {c:id}, shard k > 0 the slot {c:id:k}. One shard's keys share a hash tag, so the
    // answer script may touch them all in Redis Cluster; a shard's copy of the room (ShardRoom) is what it checks.

    /// <summary>Hash: participant id to the progress its last answer left, "streak:lastCorrectSeq" (see <c>Progress</c>).</summary>
    public string Progress(string id, int shard = 0) => $"{Shard_(id, shard)}prog";

    /// <summary>Hash: participant id to its one stored answer for question <paramref name="seq"/>, "aid|at|open|hundredths|streak".</summary>
    public string Answers(string id, int seq, int shard = 0) => $"{Shard_(id, shard)}a:{seq}";

    /// <summary>Hash: distribution key (option id, "right", "wrong") to count for question <paramref name="seq"/>.</summary>
    public string Distribution(string id, int seq, int shard = 0) => $"{Shard_(id, shard)}d:{seq}";

    /// <summary>Sorted set: participant id by <see cref="Contests.BoardScore"/> (points, then less total answer time).</summary>
    public string Board(string id, int shard = 0) => $"{Shard_(id, shard)}board";

    /// <summary>Hash: group name to summed points in hundredths (integers, so sums are exact), for a dimension (team, unit, district).</summary>
    public string GroupPoints(string id, string dimension, int shard = 0) => $"{Shard_(id, shard)}gh:{dimension}";

    /// <summary>
    /// Hash: the room as a shard checks answers against (seq, acceptUntil, opensAt, version): the room itself for shard 0,
    /// a copy written after every move, before the move is announced, for the others.
    /// </summary>
    public string ShardRoom(string id, int shard) => shard == 0 ? Room(id) : $"{Shard_(id, shard)}room";

    /// <summary>Hash: group name to number of participants, for a dimension.</summary>
    public string GroupSize(string id, string dimension) => $"{Contest_(id)}gn:{dimension}";

    /// <summary>Hash: participant id to "rank|hundredths|timeMs" after question <paramref name="seq"/>, for the participants of one shard.</summary>
    public string RankTable(string id, int seq, int shard) => $"{Shard_(id, shard)}rank:{seq}";

    /// <summary>String: the answer count of each shard ("n0,n1,…") the rank table of question <paramref name="seq"/> was built on.</summary>
    public string RankTableState(string id, int seq) => $"{Contest_(id)}rank:{seq}:state";

    /// <summary>String with a short expiry: a node is building the rank table of question <paramref name="seq"/>.</summary>
    public string RankTableLock(string id, int seq) => $"{Contest_(id)}rank:{seq}:lock";

    /// <summary>String: the public board (rows as JSON), published when a question opens; what anyone reads until it is revealed.</summary>
    public string PublishedBoard(string id) => $"{Contest_(id)}pub";

    /// <summary>Set: group names of a dimension the contest's roster declared (choices besides the definition's lists).</summary>
    public string GroupsDeclared(string id, string dimension) => $"{Contest_(id)}grp:{dimension}";

    /// <summary>Set: free-text group names of a dimension admitted from joins, capped per contest.</summary>
    public string GroupsFree(string id, string dimension) => $"{Contest_(id)}free:{dimension}";

    /// <summary>Hash: roster staff id to participant id (one person, one entry).</summary>
    public string Roster(string id) => $"{Contest_(id)}roster";

    /// <summary>Hash: participant id to the roster phone, protected (Data Protection), never in clear.</summary>
    public string Phones(string id) => $"{Contest_(id)}phones";

    /// <summary>String: the assessment setup (JSON); its presence makes the contest an assessment.</summary>
    public string Assessment(string id) => $"{Contest_(id)}assess";

    /// <summary>Hash: participant id to its first attempt's result (JSON), written with HSETNX.</summary>
    public string AssessmentResults(string id) => $"{Contest_(id)}assess:r";

    /// <summary>Hash: participant id to the profile given with consent (JSON); deleted when consent is withdrawn.</summary>
    public string AssessmentProfiles(string id) => $"{Contest_(id)}assess:prof";

    /// <summary>String: the population margins the weighted shares are raked to (JSON).</summary>
    public string AssessmentMargins(string id) => $"{Contest_(id)}assess:margins";

    /// <summary>List: the Data Protection key ring (XML elements), shared by every node.</summary>
    public string DataProtectionKeys => $"{Prefix}dataprotection:keys";

    /// <summary>Hash: the stage beside the room (version, state JSON): teams' scores, turn, buzzes.</summary>
    public string Stage(string id) => $"{Contest_(id)}stage";

    /// <summary>List: the append-only contest log as JSON lines: moves and stage changes, and the accepted answers of shard 0; shard k's answers in its own.</summary>
    public string Log(string id, int shard = 0) => $"{Shard_(id, shard)}log";

    /// <summary>Set of the online rounds' contest ids, which every node's sweeper walks. Not tagged: it spans contests.</summary>
    public string OnlineRounds => $"{Prefix}rounds";

    /// <summary>Hash: participant id to their attempt of an online round (paper, seed, start, deadline; JSON, never changes).</summary>
    public string Attempts(string id) => $"{Contest_(id)}att";

    /// <summary>Sorted set: participant id by deadline (ms), for the attempts still open; the sweepers' to-do list.</summary>
    public string AttemptsDue(string id) => $"{Contest_(id)}due";

    /// <summary>Hash of one attempt's answers: a{index} (response JSON), t{index} (first save, ms), v (save counter).</summary>
    public string AttemptAnswers(string id, string participantId) => $"{Contest_(id)}ans:{participantId}";

    /// <summary>Hash: participant id to the ended attempt's result (JSON); written once, by whoever claims the end.</summary>
    public string AttemptResults(string id) => $"{Contest_(id)}fin";

    /// <summary>
    /// Sorted set: participant id by when its end was claimed (ms), for ended attempts whose notice has not been
    /// published yet; the finish script adds, the publisher removes, a sweep re-announces what stays too long.
    /// </summary>
    public string AttemptsUnannounced(string id) => $"{Contest_(id)}unann";

    /// <summary>Sorted set: participant id by <c>RankValue</c> (points, then less time used) of ended attempts.</summary>
    public string AttemptRanks(string id) => $"{Contest_(id)}rank";

    /// <summary>Set of "device id \n participant id" pairs seen on starts and resumes.</summary>
    public string AttemptDevices(string id) => $"{Contest_(id)}dev";

    /// <summary>Hash: "participant id:kind" to how often the page reported it (blur, hidden).</summary>
    public string AttemptSignals(string id) => $"{Contest_(id)}sig";

    /// <summary>Hash: normalized user name to the account (JSON, with its password hash). Tagged: one slot for all accounts.</summary>
    public string Accounts => $"{Prefix}{{acct}}:users";

    /// <summary>Hash: SHA-256 of each setup code a node printed at start to setup time (ms); deleted once the first admin exists.</summary>
    public string SetupCodes => $"{Prefix}{{acct}}:setup";

    /// <summary>String: the JWT signing key when none is configured, made once by whichever node starts first.</summary>
    public string SigningKey => $"{Prefix}{{acct}}:signing-key";

    /// <summary>List: the audit log of privileged actions, newest first (JSON lines), trimmed to the last 100,000.</summary>
    public string AuditLog => $"{Prefix}audit";

    private string Contest_(string id) => Shard_(id, 0);

    private string Shard_(string id, int shard) => $"{Prefix}{{{ShardPlacement.TagOf(id, shard)}}}:";
}
