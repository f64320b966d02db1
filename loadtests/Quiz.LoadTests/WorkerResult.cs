using System.Collections.Concurrent;

namespace Quiz.LoadTests;

/// <summary>What one worker process measured; the conductor merges these. Latencies in microseconds.</summary>
public sealed class WorkerResult
{
    public int Joined { get; set; }

    public int JoinFailures { get; set; }

    /// <summary>Joins the server answered "busy" (admission control) and that were tried again.</summary>
    public int JoinRetries { get; set; }

    public ConcurrentQueue<long> JoinUs { get; init; } = new();

    public ConcurrentQueue<long> BroadcastUs { get; init; } = new();

    public ConcurrentQueue<long> AckUs { get; init; } = new();

    public ConcurrentQueue<long> RankDelayUs { get; init; } = new();

    /// <summary>The same acknowledgement latencies by question, for scenarios that compare phases of one run.</summary>
    public ConcurrentDictionary<int, ConcurrentQueue<long>> AckUsBySeq { get; init; } = new();

    /// <summary>Wall-clock ms at which each answer's ack arrived, for answers per second.</summary>
    public ConcurrentQueue<long> AckAtMs { get; init; } = new();

    public ConcurrentDictionary<string, int> AckStatus { get; init; } = new();

    private int _answersSent;

    public int AnswersSent
    {
        get => _answersSent;
        set => _answersSent = value;
    }

    public void Sent() => Interlocked.Increment(ref _answersSent);

    private long _pushes;

    /// <summary>Messages the server pushed to the phones (questions, standings, ...; acks not counted): the broadcast's unit of work.</summary>
    public long Pushes
    {
        get => _pushes;
        set => _pushes = value;
    }

    public void Pushed() => Interlocked.Increment(ref _pushes);

    private int _questionsAgain;

    /// <summary>Questions a phone received a second time (and did not answer again).</summary>
    public int QuestionsAgain
    {
        get => _questionsAgain;
        set => _questionsAgain = value;
    }

    public void QuestionAgain() => Interlocked.Increment(ref _questionsAgain);

    public int StandingsMissing { get; set; }

    public ConcurrentQueue<string> Errors { get; init; } = new();

    public void Error(string message)
    {
        if (Errors.Count < 50)
        {
            Errors.Enqueue(message);
        }
    }
}
