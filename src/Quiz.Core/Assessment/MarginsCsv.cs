using System.Globalization;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;
using Sylvan.Data.Csv;

namespace Quiz.Core.Assessment;

/// <summary>
/// Reads the margins file: a header row <c>district,dimension,code,population</c> (or 区县,维度,类别,人口), then one row
/// per district, dimension and code. Every district listed must give every code of age, sex and education (0
/// allowed), and may give residence (both codes); its totals must agree with the sex total within 1%. Errors name the
/// row (the header is row 1) and the column, or the district, each with a code from <see cref="AssessmentReasons"/>.
/// One fault, one error: a row that is wrong is not reported again as a missing code or a wrong total of its district.
/// </summary>
public static class MarginsCsv
{
    /// <summary>How far a dimension's total may stray from the sex total (census tables are rounded each on its own).</summary>
    public const double TotalsTolerance = 0.01;

    private static readonly string[][] Headers = [["district", "dimension", "code", "population"], ["区县", "维度", "类别", "人口"]];

    /// <summary>A value quoted back in an error is cut here, so a pasted paragraph cannot fill the error table.</summary>
    public const int QuotedLength = 40;

    public static (PopulationMargins? Margins, IReadOnlyList<FieldError> Errors) Read(ReadOnlyMemory<byte> bytes, long nowMs)
    {
        var text = CsvBankFile.Decode(bytes.Span, out _);
        if (text is null)
        {
            return (null, [FieldError.Of("file", AssessmentReasons.Encoding.With())]);
        }
        List<string[]> rows;
        try
        {
            rows = Records(text).ToList();
        }
        catch (CsvFormatException ex)
        {
            return (null, [FieldError.Of("file", AssessmentReasons.Malformed.With(("row", ex.RowNumber), ("detail", ex.Message)))]);
        }
        if (rows.Count == 0 || !Headers.Any(h => rows[0].Length >= 4 && h.SequenceEqual(rows[0].Take(4).Select(c => c.Trim().ToLowerInvariant()))))
        {
            return (null, [Error(1, null, AssessmentReasons.Header.With(("row", 1)))]);
        }
        var errors = new List<FieldError>();
        var table = new Dictionary<string, Dictionary<string, Dictionary<string, (double People, int Row)>>>();
        // District -> dimensions whose rows had a fault ("*": a row whose dimension is unknown): not judged as a whole.
        var faulty = new Dictionary<string, HashSet<string>>();
        for (var i = 1; i < rows.Count; i++)
        {
            var cells = rows[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var row = i + 1;
            var at = (int column) => column < cells.Length ? cells[column].Trim() : "";
            var (district, dimension, code, population) = (at(0), at(1).ToLowerInvariant(), at(2), at(3));
            var fault = RowFault(row, district, dimension, code, population, out var people);
            if (fault is not null)
            {
                errors.Add(fault);
                if (ProfileCodes.IsDistrict(district))
                {
                    faulty.GetOrAdd(district).Add(ProfileCodes.AllDimensions.Contains(dimension) ? dimension : "*");
                }
                continue;
            }
            var codes = table.GetOrAdd(district).GetOrAdd(dimension);
            if (codes.TryGetValue(code, out var first))
            {
                errors.Add(Error(row, "code", AssessmentReasons.Repeat.With(("row", row), ("column", "code"),
                    ("district", district), ("dimension", dimension), ("code", code), ("first", first.Row))));
                faulty.GetOrAdd(district).Add(dimension);
                continue;
            }
            codes[code] = (people, row);
        }
        if (table.Count == 0 && errors.Count == 0)
        {
            errors.Add(FieldError.Of("file", AssessmentReasons.Empty.With()));
        }
        foreach (var (district, dimensions) in table)
        {
            errors.AddRange(Complete(district, dimensions, faulty.GetValueOrDefault(district) ?? []));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var margins = table.ToDictionary(d => d.Key, d => new DistrictMargins(d.Value.ToDictionary(
            x => x.Key, x => (IReadOnlyDictionary<string, double>)x.Value.ToDictionary(c => c.Key, c => c.Value.People))));
        return (new PopulationMargins(margins, nowMs), []);
    }

    /// <summary>The first thing wrong with a row, or null: a row is one fault however many of its cells are off.</summary>
    private static FieldError? RowFault(int row, string district, string dimension, string code, string population, out double people)
    {
        people = 0;
        if (!ProfileCodes.IsDistrict(district))
        {
            return Error(row, "district", AssessmentReasons.District.With(("row", row), ("column", "district"), ("value", Quote(district))));
        }
        if (!ProfileCodes.AllDimensions.Contains(dimension))
        {
            return Error(row, "dimension", AssessmentReasons.Dimension.With(("row", row), ("column", "dimension"), ("value", Quote(dimension))));
        }
        if (!ProfileCodes.CodesOf(dimension).Contains(code))
        {
            return Error(row, "code", AssessmentReasons.Code.With(("row", row), ("column", "code"), ("value", Quote(code)),
                ("dimension", dimension), ("codes", string.Join(", ", ProfileCodes.CodesOf(dimension)))));
        }
        if (!double.TryParse(population, NumberStyles.Float, CultureInfo.InvariantCulture, out people) || !double.IsFinite(people) || people < 0)
        {
            return Error(row, "population", AssessmentReasons.Population.With(("row", row), ("column", "population"), ("value", Quote(population))));
        }
        return null;
    }

    /// <summary>
    /// A district as a whole: every code of the required dimensions (and of residence, if given), totals that agree.
    /// A dimension with a faulty row is not said to lack that row's code, and a district with any faulty row is not
    /// judged on its totals: both would be the same fault told twice.
    /// </summary>
    private static IEnumerable<FieldError> Complete(string district, Dictionary<string, Dictionary<string, (double People, int Row)>> dimensions, HashSet<string> faulty)
    {
        if (faulty.Contains("*"))
        {
            yield break;
        }
        var totals = new Dictionary<string, double>();
        foreach (var dimension in ProfileCodes.AllDimensions)
        {
            var codes = dimensions.GetValueOrDefault(dimension);
            if (dimension == ProfileCodes.Residence && codes is null && !faulty.Contains(dimension))
            {
                continue; // optional
            }
            if (faulty.Contains(dimension))
            {
                continue;
            }
            codes ??= [];
            var missing = ProfileCodes.CodesOf(dimension).Where(c => !codes.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                yield return DistrictError(district, AssessmentReasons.Lacks.With(("district", district), ("dimension", dimension), ("codes", string.Join(", ", missing))));
                continue;
            }
            totals[dimension] = codes.Values.Sum(c => c.People);
            if (totals[dimension] <= 0)
            {
                yield return DistrictError(district, AssessmentReasons.ZeroTotal.With(("district", district), ("dimension", dimension)));
            }
        }
        if (faulty.Count > 0 || !totals.TryGetValue(ProfileCodes.Sex, out var population) || population <= 0)
        {
            yield break;
        }
        if (totals.Values.Any(total => total > 0 && Math.Abs(total - population) > population * TotalsTolerance))
        {
            yield return DistrictError(district, AssessmentReasons.Totals.With([("district", district),
                .. ProfileCodes.AllDimensions.Select(d => (d, (object)(totals.TryGetValue(d, out var t) ? Number(t) : "—")))]));
        }
    }

    private static string Quote(string value) => value.Length <= QuotedLength ? value : value[..QuotedLength] + "…";

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static FieldError Error(int row, string? column, Reason reason) => FieldError.Of(column is null ? $"row {row}" : $"row {row} {column}", reason);

    private static FieldError DistrictError(string district, Reason reason) => FieldError.Of($"district {district}", reason);

    private static TValue GetOrAdd<TValue>(this Dictionary<string, TValue> dictionary, string key) where TValue : new()
    {
        if (!dictionary.TryGetValue(key, out var value))
        {
            dictionary[key] = value = new TValue();
        }
        return value;
    }

    private static IEnumerable<string[]> Records(string text)
    {
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });
        while (reader.Read())
        {
            var cells = new string[reader.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }
            yield return cells;
        }
    }
}
