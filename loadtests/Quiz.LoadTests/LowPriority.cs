using System.Runtime.InteropServices;

namespace Quiz.LoadTests;

/// <summary>
/// Lowers this process's CPU priority (Linux nice) for every thread it has now; threads started later inherit it.
/// The hostile scenario's attacker shares the load machine's cores with the nodes it attacks, which a real attacker
/// does not (their CPUs are their own): at nice 19 it still sends every request, but yields the CPU to the nodes and
/// the measuring phones whenever both want it. Linux only; elsewhere nothing changes.
/// </summary>
internal static partial class LowPriority
{
    public static int Apply(int nice)
    {
        if (!OperatingSystem.IsLinux() || nice == 0)
        {
            return 0;
        }
        var threads = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), out var tid) && SetPriority(0 /* PRIO_PROCESS: one thread, by its id */, tid, nice) == 0)
            {
                threads++;
            }
        }
        return threads;
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int prio);
}
