namespace Quiz.Core.Contests;

/// <summary>Who plays a contest, how they prove it on rejoining, and their scoring progress.</summary>
public interface IParticipantStore
{
    /// <summary>Adds a participant, counts it on its team, unit and district boards, and files its token's hash.</summary>
    Task AddAsync(string contestId, Participant participant, string tokenHash, CancellationToken cancellationToken);

    Task<Participant?> FindByTokenAsync(string contestId, string tokenHash, CancellationToken cancellationToken);

    Task<Progress> GetProgressAsync(string contestId, string participantId, CancellationToken cancellationToken);

    /// <summary>Whether the participant already has an answer stored for question <paramref name="seq"/>.</summary>
    Task<bool> HasAnsweredAsync(string contestId, int seq, string participantId, CancellationToken cancellationToken);

    Task<int> CountAsync(string contestId, CancellationToken cancellationToken);
}
