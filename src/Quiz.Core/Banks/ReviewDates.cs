using System.Globalization;
using System.Text;

namespace Quiz.Core.Banks;

/// <summary>
/// Review-by dates: how they are written and when one is due. "Today" is the date in China Standard Time (UTC+8, no
/// daylight saving), where the contests run, whatever time zone the server's machine is set to.
/// </summary>
public static class ReviewDates
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private static readonly string[] Formats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>2027-03-16, also 2027/3/16, 2027.3.16 and 2027年3月16日 (full-width digits too); null when it is no date.</summary>
    public static DateOnly? Parse(string? text)
    {
        var value = (text ?? "").Normalize(NormalizationForm.FormKC).Trim();
        return DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    /// <summary>Due on its review-by date and every day after, until an organizer moves the date on.</summary>
    public static bool IsDue(Question question, DateOnly today) => question.ReviewBy is { } date && date <= today;
}
