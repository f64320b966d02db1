using System.Net.Http.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts.Banks;
using Quiz.Core.Assessment;
using Quiz.Core.Contests;
using Quiz.Server.Hosting;
using AssessmentCreated = Quiz.Server.Api.AssessmentApi.AssessmentCreated;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Assessment;

/// <summary>
/// An assessment fed as the online round would feed it: the questionnaire imported over HTTP, the round and its setup
/// created in one step over HTTP, participants added to the contest, and their attempts published as
/// <see cref="AttemptSubmitted"/> through the server's mediator (the end-to-end path is in AssessmentRoundTests).
/// </summary>
public static class AssessmentSeed
{
    /// <summary>Imports the questionnaire as a bank of its own and creates an assessment round on it, open for an hour; returns the contest id.</summary>
    public static async Task<string> CreateAsync(QuizServer server, bool selfRegistration = false)
    {
        var bankId = await ImportQuestionnaireAsync(server);
        using var http = server.CreateHttpClient();
        return (await CreateRoundAsync(http, bankId, DateTimeOffset.UtcNow, selfRegistration)).Round.ContestId;
    }

    /// <summary>The shipped questionnaire imported over HTTP as a bank of its own (tests run without the sample banks); returns its id.</summary>
    public static async Task<string> ImportQuestionnaireAsync(QuizServer server)
    {
        using var http = server.CreateHttpClient();
        var bank = await LiveGame.Read<BankDto>(await http.PostAsJsonAsync("/api/banks", new BankNameInput("测评题库")));
        using var file = new ByteArrayContent(SampleBank.AssessmentFiles().Single().Content);
        var report = await LiveGame.Read<ImportReportDto>(await http.PostAsync($"/api/banks/{bank.Id}/import?format=json", file));
        Assert.True(report.Ok, string.Join("; ", report.Errors.Select(e => e.Message)));
        return bank.Id;
    }

    /// <summary>An assessment round (open from a minute before <paramref name="now"/> for an hour, 10 minutes an attempt) in one step.</summary>
    internal static async Task<AssessmentCreated> CreateRoundAsync(HttpClient organizer, string bankId, DateTimeOffset now, bool selfRegistration)
    {
        var created = await LiveGame.Read<AssessmentCreated>(await organizer.PostAsJsonAsync("/api/assessments", new
        {
            title = "科学素质测评", opensAt = now.AddMinutes(-1), closesAt = now.AddHours(1), timeLimitSeconds = 600, selfRegistration, bankId,
        }));
        Assert.Equal(bankId, created.Setup.BankId);
        return created;
    }

    /// <summary>Adds a participant with a token, as joining or a roster would; returns the token.</summary>
    public static async Task<string> AddParticipantAsync(QuizServer server, string contestId, string participantId, string? district)
    {
        var token = Ids.Secret();
        await server.Services.GetRequiredService<IParticipantStore>()
            .AddAsync(contestId, new Participant(participantId, participantId, null, null, district), Ids.Hash(token), CancellationToken.None);
        return token;
    }

    public static Task SubmitAsync(QuizServer server, string contestId, string participantId, double score, double max = 100) =>
        server.Services.GetRequiredService<IPublisher>().Publish(new AttemptSubmitted(contestId, participantId, score, max,
            new Dictionary<string, double> { [AssessmentDefaults.Knowledge] = score * 0.4 },
            new Dictionary<string, double> { [AssessmentDefaults.Knowledge] = max * 0.4 },
            1_000, 2_000, false)).AsTask();

    /// <summary><paramref name="count"/> respondents of a district, the first <paramref name="atLine"/> scoring 80, the rest 50.</summary>
    public static async Task AddRespondentsAsync(QuizServer server, string contestId, string prefix, string district, int count, int atLine)
    {
        for (var i = 0; i < count; i++)
        {
            await AddParticipantAsync(server, contestId, $"{prefix}{i}", district);
            await SubmitAsync(server, contestId, $"{prefix}{i}", i < atLine ? 80 : 50);
        }
    }
}
