using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Rounds;

/// <summary>Papers of an online round: the seed follows from (round secret, contest, person), so the paper does too.</summary>
public static class RoundPapers
{
    public static long SeedFor(OnlineRound round, string contestId, string participantId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{round.PaperSalt}|{contestId}|{participantId}"));
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    public static Paper Draw(RoundSetup setup, string participantId)
    {
        var seed = SeedFor(setup.Round, setup.Contest.Id, participantId);
        var outcome = PaperDrawer.Draw(setup.Round.BankId, setup.Pool, setup.Round.Blueprint, seed);
        return outcome.Paper ?? throw new DomainException("blueprint_short", "The round's pool cannot satisfy its blueprint.");
    }
}
