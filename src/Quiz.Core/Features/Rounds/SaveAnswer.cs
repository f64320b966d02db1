using Mediator;
using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>
/// Autosave: the response to one item, as given, replacing an earlier one. <see cref="ReceivedAtMs"/> is stamped by
/// the server when the request arrives; the store refuses it if that is after the deadline (no grace) or the attempt ended.
/// </summary>
public sealed record SaveAnswer(string ContestId, string Token, int Index, AnswerInput Answer, long ReceivedAtMs) : ICommand<AnswerSavedView>, IValidated
{
    public IEnumerable<FieldError> Validate()
    {
        if (Index is < 0 or >= Features.Banks.DrawPaper.MaxQuestions)
        {
            yield return new FieldError("index", "is not an item of the paper");
        }
        if (Answer is null || (Answer.Options is null && Answer.Text is null))
        {
            yield return new FieldError("answer", "give options or text");
            yield break;
        }
        if (Answer.Options is { Count: > 20 })
        {
            yield return new FieldError("options", "at most 20");
        }
        if (Answer.Text is { Length: > ResponseShape.MaxText })
        {
            yield return new FieldError("text", $"at most {ResponseShape.MaxText} characters");
        }
    }
}

public sealed class SaveAnswerHandler(RoundAccess access, IAttemptStore attempts) : ICommandHandler<SaveAnswer, AnswerSavedView>
{
    public async ValueTask<AnswerSavedView> Handle(SaveAnswer command, CancellationToken cancellationToken)
    {
        var (setup, who) = await access.AuthenticateAsync(command.ContestId, command.Token, cancellationToken);
        var attempt = await attempts.GetAsync(command.ContestId, who.Id, cancellationToken)
            ?? throw new DomainException("no_attempt", "Start the round first.");
        if (command.Index >= attempt.Items.Count)
        {
            throw new QuizValidationException([new FieldError("index", $"the paper has {attempt.Items.Count} items")]);
        }
        var options = command.Answer.Options ?? [];
        var text = command.Answer.Text?.Trim();
        if (ResponseShape.Problem(setup.ById[attempt.Items[command.Index].QuestionId], options, text) is { } problem)
        {
            throw new QuizValidationException([new FieldError("answer", problem)]);
        }
        var outcome = await attempts.SaveAnswerAsync(command.ContestId, who.Id, command.Index, options, text, command.ReceivedAtMs, cancellationToken);
        return outcome switch
        {
            SaveOutcome.Saved => new AnswerSavedView(command.Index, command.ReceivedAtMs, attempt.DeadlineMs, command.ReceivedAtMs),
            SaveOutcome.Late => throw new DomainException("time_up", "The time is up; this answer was not saved."),
            _ => throw new DomainException("attempt_submitted", "This attempt has been submitted; answers can no longer change."),
        };
    }
}
