using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Quiz.Core.Common;

/// <summary>
/// Why something was refused, as a stable <see cref="Code"/> with its <see cref="Args"/> (the row, the value at fault)
/// and the English <see cref="Message"/> for API users and logs. Pages render code and args in their own language.
/// </summary>
public sealed record Reason(string Code, string Message, IReadOnlyDictionary<string, string> Args);

/// <summary>One kind of reason with its English and Chinese templates; <c>{name}</c> marks an argument.</summary>
public sealed partial record ReasonText(string Code, string English, string Chinese)
{
    public Reason With(params (string Name, object Value)[] args)
    {
        var values = args.ToDictionary(a => a.Name, a => Text(a.Value));
        return new Reason(Code, Render(English, values), values);
    }

    /// <summary>Every reason a table class (<c>BankReasons</c>, <c>StageReasons</c>) declares as a public static field, in order.</summary>
    public static IReadOnlyList<ReasonText> TableOf(Type table) =>
        [.. table.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(ReasonText)).Select(f => (ReasonText)f.GetValue(null)!)];

    /// <summary>The argument names a template uses.</summary>
    public static IEnumerable<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>Fills <c>{name}</c> the way the pages' js/i18n.js does, so both sides read one table.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> args) =>
        Placeholder().Replace(template, m => args.GetValueOrDefault(m.Groups[1].Value, ""));

    /// <summary>A count written with thousands separators (5,000 characters), where a plain number would be hard to read.</summary>
    public static string Grouped(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Text(object value) => value switch
    {
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), // row 12345 as the sheet shows it
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
