namespace Quiz.Contracts.Banks;

/// <summary>
/// One error code with its English and Chinese templates; <c>{name}</c> marks an argument that the error's
/// <c>args</c> fill. Pages render errors from these in their own language (GET /api/banks/reasons,
/// GET /api/contests/stage-reasons).
/// </summary>
public sealed record ReasonTextDto(string Code, string English, string Chinese);
