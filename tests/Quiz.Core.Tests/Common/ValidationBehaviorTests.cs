using Mediator;
using Quiz.Core.Common;

namespace Quiz.Core.Tests.Common;

public sealed class ValidationBehaviorTests
{
    private sealed record Rename(string Name) : ICommand<string>, IValidated
    {
        public IEnumerable<FieldError> Validate()
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                yield return new FieldError(nameof(Name), "is required");
            }
        }
    }

    [Fact]
    public async Task A_malformed_message_never_reaches_the_handler()
    {
        var behavior = new ValidationBehavior<Rename, string>();
        var reached = false;
        var error = await Assert.ThrowsAsync<QuizValidationException>(async () =>
            await behavior.Handle(new Rename(" "), (_, _) => { reached = true; return ValueTask.FromResult("done"); }, default));
        Assert.False(reached);
        Assert.Equal("Name", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task A_well_formed_message_passes_through()
    {
        var behavior = new ValidationBehavior<Rename, string>();
        var result = await behavior.Handle(new Rename("bank"), (m, _) => ValueTask.FromResult(m.Name), default);
        Assert.Equal("bank", result);
    }
}
