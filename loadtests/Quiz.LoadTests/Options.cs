using System.Globalization;

namespace Quiz.LoadTests;

/// <summary>Command-line options: <c>--name value</c> pairs after the scenario name.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values;

    private Options(string command, Dictionary<string, string> values)
    {
        Command = command;
        _values = values;
    }

    public string Command { get; }

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected an option, got '{args[i]}'");
            }
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = hasValue ? args[++i] : "true";
        }
        return new Options(args.Length > 0 ? args[0] : "help", values);
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v != "false";

    public IReadOnlyList<Uri> Urls(string name = "url") =>
        [.. Text(name, "http://127.0.0.1:5080").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u.TrimEnd('/') + "/"))];

    /// <summary>The same options as arguments, with some replaced: how the conductor starts its workers.</summary>
    public IEnumerable<string> ToArgs(IReadOnlyDictionary<string, string> overrides)
    {
        var merged = new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in overrides)
        {
            merged[k] = v;
        }
        return merged.SelectMany(kv => new[] { "--" + kv.Key, kv.Value });
    }
}
