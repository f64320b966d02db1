using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Features.Banks;
using Quiz.Infrastructure.Redis;

// Bank import: 10,000 generated questions as xlsx and csv, imported through the real handler and Redis store into
// an embedded Garnet (or the Redis in QUIZ_BENCH_REDIS). Usage: dotnet run -c Release --project loadtests/Quiz.Benchmarks [count]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var dataDir = Path.Combine(Path.GetTempPath(), "quiz-bench", Guid.NewGuid().ToString("N"));
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(TimeProvider.System)
    .AddQuizRedis(new RedisOptions
    {
        ConnectionString = Environment.GetEnvironmentVariable("QUIZ_BENCH_REDIS"),
        EmbeddedDataDir = dataDir,
        KeyPrefix = $"bench:{Guid.NewGuid():N}:",
    });
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IBankStore>();
var import = new ImportQuestionsHandler(store, TimeProvider.System);
var search = new SearchQuestionsHandler(store, TimeProvider.System);

Console.WriteLine($"Bank import benchmark: {count:N0} questions, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"store: {(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("QUIZ_BENCH_REDIS")) ? "embedded Garnet" : "Redis")}");
var questions = Generate(count);
Console.WriteLine($"{"step",-44} {"ms",8}");
foreach (var format in new[] { BankFormat.Xlsx, BankFormat.Csv })
{
    var file = Time($"{format}: write {count:N0} questions", () => BankFiles.Write(format, questions));
    Console.WriteLine($"{"",-44} {file.Length / 1024.0 / 1024.0,8:0.0} MB");
    Time($"{format}: read and check (no store)", () => ImportPlan.Check(BankFiles.Read(format, file)));
    var bank = await store.CreateAsync($"bench {format}", default);
    await TimeAsync($"{format}: dry run into an empty bank", () => import.Handle(new ImportQuestions(bank.Id, format, file, DryRun: true), default).AsTask());
    var report = await TimeAsync($"{format}: import into an empty bank", () => import.Handle(new ImportQuestions(bank.Id, format, file), default).AsTask());
    Check(report.Ok && report.Added == count, report);
    var again = await TimeAsync($"{format}: re-import (all unchanged)", () => import.Handle(new ImportQuestions(bank.Id, format, file), default).AsTask());
    Check(again.Ok && again.Unchanged == count, again);
    if (format == BankFormat.Csv)
    {
        await TimeAsync("search: first load of the bank (decode)", () => ColdLoad(bank.Id));
        await TimeAsync("search: text + type filter, cached bank", () => search.Handle(new SearchQuestions(bank.Id, Type: "single", Text: "题干 12"), default).AsTask());
        await TimeAsync("search: category prefix, page 40", () => search.Handle(new SearchQuestions(bank.Id, Category: "分类3", Page: 40), default).AsTask());
        var rules = new[] { new BlueprintRule(20, QuestionType.Single, 1), new BlueprintRule(10, QuestionType.Multiple, Category: "分类2") };
        await TimeAsync("draw a 30-question paper", () => Task.FromResult(PaperDrawer.Draw(bank.Id, store.LoadAsync(bank.Id, default).Result!.Questions, rules, 1)));
    }
}
try
{
    Directory.Delete(dataDir, recursive: true);
}
catch (IOException)
{
    // A temp folder left behind is harmless.
}
return 0;

async Task<BankContents?> ColdLoad(string bankId)
{
    // A second store instance has an empty cache: this is the cost after a restart or on another node.
    var cold = ActivatorUtilities.CreateInstance(provider, store.GetType()) as IBankStore;
    return await cold!.LoadAsync(bankId, default);
}

static T Time<T>(string step, Func<T> action)
{
    var started = Stopwatch.GetTimestamp();
    var result = action();
    Console.WriteLine($"{step,-44} {Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:0}");
    return result;
}

static async Task<T> TimeAsync<T>(string step, Func<Task<T>> action)
{
    var started = Stopwatch.GetTimestamp();
    var result = await action();
    Console.WriteLine($"{step,-44} {Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:0}");
    return result;
}

static void Check(bool ok, ImportReport report)
{
    if (!ok)
    {
        throw new InvalidOperationException($"unexpected report: added {report.Added}, unchanged {report.Unchanged}, errors {report.Errors.Count}: "
            + string.Join("; ", report.Errors.Take(3)));
    }
}

static Question[] Generate(int count) =>
    [.. Enumerable.Range(0, count).Select(i =>
    {
        var type = (QuestionType)(i % 5);
        var options = type switch
        {
            QuestionType.TrueFalse => Question.TrueFalseOptions,
            QuestionType.Fill => [],
            _ => (IReadOnlyList<string>)[.. Enumerable.Range(0, 4).Select(o => $"选项{i}-{o} 一段长度接近真实题目的选项文字")],
        };
        var answer = type switch
        {
            QuestionType.Multiple => AnswerKey.Choice(0, 2),
            QuestionType.Ordering => AnswerKey.Choice(2, 0, 3, 1),
            QuestionType.Fill => AnswerKey.Texts("答案" + i, "alt" + i),
            _ => AnswerKey.Choice(i % 2),
        };
        return new Question
        {
            Id = "", BankId = "", Key = $"bench-{i:00000}", Type = type,
            Stem = $"题干 {i}: 这是一道用于基准测试的科学素质题目, 长度与示例题库相近, 请选择正确的答案。",
            Options = options, Answer = answer, Explanation = $"解析 {i}: 说明为什么这个答案正确, 与示例题库中的解析长度相近。",
            Category = $"分类{i % 7}/子类{i % 3}", Tags = ["基准", $"标签{i % 11}"], Difficulty = 1 + (i % 5), Source = "benchmark",
        };
    })];
