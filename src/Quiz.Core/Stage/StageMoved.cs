using Mediator;

namespace Quiz.Core.Stage;

/// <summary>Published after a stage change is stored; the server pushes the new stage to hosts, screens and seats.</summary>
public sealed record StageMoved(string ContestId, StageMove Move, StageStep Step) : INotification;
