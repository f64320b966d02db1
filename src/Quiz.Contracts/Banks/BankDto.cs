namespace Quiz.Contracts.Banks;

/// <summary>A question bank as the organizer's API shows it; <see cref="QuestionCount"/> includes retired questions.</summary>
public sealed record BankDto(string Id, string Name, int QuestionCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The body of create and rename.</summary>
public sealed record BankNameInput(string Name);
