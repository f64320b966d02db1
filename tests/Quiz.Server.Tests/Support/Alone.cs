namespace Quiz.Server.Tests.Support;

/// <summary>
/// Tests that load the machine on purpose (a thousand sockets) run in this collection: after the parallel ones and
/// by themselves, so the timing margins of other tests are not eaten by them on a 2-core CI machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "alone";
}
