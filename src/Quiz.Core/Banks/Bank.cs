namespace Quiz.Core.Banks;

/// <summary>A named collection of questions; <see cref="QuestionCount"/> includes retired ones.</summary>
public sealed record Bank(string Id, string Name, int QuestionCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A bank with every question (retired too) as of <see cref="Revision"/>, which goes up with every write.</summary>
public sealed record BankContents(Bank Bank, long Revision, IReadOnlyList<Question> Questions);
