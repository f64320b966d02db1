using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Quiz.Browser.Tests.Support;

/// <summary>
/// Playwright's expect timeout is one static for the whole process, and test classes run in parallel, so it is set
/// once here rather than by each test (where one test's value silently replaced another's mid-run). 20 s covers a
/// reconnection or a page waiting on a busy 2-core CI machine; a passing expectation returns as soon as it holds.
/// </summary>
internal static class ExpectTimeout
{
    [ModuleInitializer]
    internal static void Set() => Assertions.SetDefaultExpectTimeout(20_000);
}
