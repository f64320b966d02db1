namespace Quiz.Core.Rounds;

/// <summary>The page's random device id, when it sent a sane one: one device under several names is a signal.</summary>
public static class DeviceLog
{
    public static Task RecordAsync(IAttemptStore attempts, string contestId, string? deviceId, string participantId, CancellationToken ct) =>
        deviceId is { Length: >= 8 and <= 64 } && deviceId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? attempts.RecordDeviceAsync(contestId, deviceId, participantId, ct)
            : Task.CompletedTask;
}
