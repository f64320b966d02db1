using Quiz.Core.Contests;

namespace Quiz.Core.Assessment;

/// <summary>An assessment's setup, first attempts, profiles and margins, all under the contest's hash tag.</summary>
public interface IAssessmentStore
{
    Task SaveSetupAsync(AssessmentSetup setup, CancellationToken cancellationToken);

    /// <summary>The setup, or null when the contest is not an assessment.</summary>
    Task<AssessmentSetup?> GetSetupAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Records a respondent's result only if none is recorded yet (HSETNX): true when this one was first.</summary>
    Task<bool> TryRecordAsync(string contestId, AssessmentResult result, CancellationToken cancellationToken);

    Task<IReadOnlyList<AssessmentResult>> ReadResultsAsync(string contestId, CancellationToken cancellationToken);

    Task<Participant?> FindParticipantAsync(string contestId, string participantId, CancellationToken cancellationToken);

    Task SaveProfileAsync(string contestId, string participantId, RespondentProfile profile, CancellationToken cancellationToken);

    /// <summary>Consent withdrawn: the profile is gone; true if there was one.</summary>
    Task<bool> DeleteProfileAsync(string contestId, string participantId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, RespondentProfile>> ReadProfilesAsync(string contestId, CancellationToken cancellationToken);

    Task SaveMarginsAsync(string contestId, PopulationMargins margins, CancellationToken cancellationToken);

    Task<PopulationMargins?> GetMarginsAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>The margins are gone; true if there were some.</summary>
    Task<bool> DeleteMarginsAsync(string contestId, CancellationToken cancellationToken);
}
