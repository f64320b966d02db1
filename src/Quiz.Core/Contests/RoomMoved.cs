using Mediator;

namespace Quiz.Core.Contests;

/// <summary>Published after a host move is stored; the server pushes it to clients and to the other nodes.</summary>
public sealed record RoomMoved(string ContestId, string Move, Room Room) : INotification;
