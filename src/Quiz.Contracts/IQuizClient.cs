namespace Quiz.Contracts;

/// <summary>Everything the server pushes to a client over the hub. See docs/protocol.md.</summary>
public interface IQuizClient
{
    /// <summary>The room moved: lobby, question open/closed, revealed, board, paused, ended.</summary>
    Task RoomChanged(RoomState state);

    /// <summary>A question opened. Carries no answer key, only its salted hash.</summary>
    Task QuestionOpened(QuestionView question);

    /// <summary>A question closed; no answer is accepted any more.</summary>
    Task QuestionClosed(QuestionClosed closed);

    /// <summary>The key, its salt (so the published hash can be checked) and how answers were spread.</summary>
    Task AnswerRevealed(AnswerReveal reveal);

    /// <summary>Top of the boards (persons, teams, units, districts); never the whole board.</summary>
    Task LeaderboardShown(Leaderboard board);

    /// <summary>This participant's own score and ranks; sent to each participant by the node holding its socket.</summary>
    Task StandingUpdated(Standing standing);

    /// <summary>How many have answered the open question (host and big screen).</summary>
    Task AnswerCountChanged(AnswerCount count);

    /// <summary>The stage changed: scores, turn, buzzer, buzz order, wagers (hosts, judges, big screens, team seats).</summary>
    Task StageChanged(StageView stage);

    /// <summary>The same participant connected again elsewhere; this connection no longer answers.</summary>
    Task Superseded(string reason);

    /// <summary>
    /// The node lost or regained its store (Redis): while unavailable nothing can be joined, answered or moved, and
    /// pages show "reconnecting"; when it is back they rejoin and send what was not acknowledged.
    /// </summary>
    Task StoreChanged(StoreStatus status);
}
