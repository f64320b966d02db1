using System.Globalization;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;
using Sylvan.Data.Csv;

namespace Quiz.Core.Assessment;

/// <summary>
/// Reads the margins file: a header row <c>district,dimension,code,population</c> (or 区县,维度,类别,人口), then one row
/// per district, dimension and code. Every district listed must give every code of all three dimensions (0 allowed),
/// and its three totals must agree within 1%. Errors name the row (the header is row 1) and the column.
/// </summary>
public static class MarginsCsv
{
    private static readonly string[][] Headers = [["district", "dimension", "code", "population"], ["区县", "维度", "类别", "人口"]];

    public static (PopulationMargins? Margins, IReadOnlyList<FieldError> Errors) Read(ReadOnlyMemory<byte> bytes, long nowMs)
    {
        var errors = new List<FieldError>();
        var text = CsvBankFile.Decode(bytes.Span, out var problem);
        if (text is null)
        {
            return (null, [FieldError.Of("file", problem!)]);
        }
        List<string[]> rows;
        try
        {
            rows = Records(text).ToList();
        }
        catch (CsvFormatException ex)
        {
            return (null, [new FieldError("file", $"the CSV is malformed near row {ex.RowNumber}: {ex.Message}")]);
        }
        if (rows.Count == 0 || !Headers.Any(h => rows[0].Length >= 4 && h.SequenceEqual(rows[0].Take(4).Select(c => c.Trim().ToLowerInvariant()))))
        {
            return (null, [new FieldError("row 1", "the header must be district,dimension,code,population (or 区县,维度,类别,人口)")]);
        }
        var table = new Dictionary<string, Dictionary<string, Dictionary<string, double>>>();
        for (var i = 1; i < rows.Count; i++)
        {
            var cells = rows[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var row = $"row {i + 1}";
            var at = (int column) => column < cells.Length ? cells[column].Trim() : "";
            var (district, dimension, code, population) = (at(0), at(1).ToLowerInvariant(), at(2), at(3));
            var ok = true;
            if (!ProfileCodes.IsDistrict(district))
            {
                errors.Add(new FieldError($"{row} district", $"'{district}' is not one of {string.Join("、", ProfileCodes.Districts)}"));
                ok = false;
            }
            if (!ProfileCodes.Dimensions.Contains(dimension))
            {
                errors.Add(new FieldError($"{row} dimension", $"'{dimension}' is not one of age, sex, education"));
                ok = false;
            }
            else if (!ProfileCodes.CodesOf(dimension).Contains(code))
            {
                errors.Add(new FieldError($"{row} code", $"'{code}' is not a code of {dimension} ({string.Join(", ", ProfileCodes.CodesOf(dimension))})"));
                ok = false;
            }
            if (!double.TryParse(population, NumberStyles.Float, CultureInfo.InvariantCulture, out var people) || !double.IsFinite(people) || people < 0)
            {
                errors.Add(new FieldError($"{row} population", $"'{population}' is not a number of people (0 or more)"));
                ok = false;
            }
            if (!ok)
            {
                continue;
            }
            var codes = table.GetOrAdd(district).GetOrAdd(dimension);
            if (!codes.TryAdd(code, people))
            {
                errors.Add(new FieldError($"{row} code", $"{district} {dimension} {code} is given twice"));
            }
        }
        if (table.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError("file", "no margins: list at least one district"));
        }
        foreach (var (district, dimensions) in table)
        {
            errors.AddRange(Complete(district, dimensions));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var margins = table.ToDictionary(d => d.Key, d => new DistrictMargins(d.Value.ToDictionary(
            x => x.Key, x => (IReadOnlyDictionary<string, double>)x.Value)));
        return (new PopulationMargins(margins, nowMs), []);
    }

    private static IEnumerable<FieldError> Complete(string district, Dictionary<string, Dictionary<string, double>> dimensions)
    {
        var totals = new List<(string Dimension, double Total)>();
        foreach (var dimension in ProfileCodes.Dimensions)
        {
            var codes = dimensions.GetValueOrDefault(dimension) ?? [];
            var missing = ProfileCodes.CodesOf(dimension).Where(c => !codes.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                yield return new FieldError($"district {district}", $"{dimension} lacks {string.Join(", ", missing)} (give 0 for none)");
                continue;
            }
            totals.Add((dimension, codes.Values.Sum()));
        }
        if (totals.Any(t => t.Total <= 0))
        {
            yield return new FieldError($"district {district}", "a dimension totals 0 people");
        }
        else if (totals.Count == 3 && totals.Max(t => t.Total) > totals.Min(t => t.Total) * 1.01)
        {
            yield return new FieldError($"district {district}",
                $"totals differ by more than 1%: {string.Join(", ", totals.Select(t => $"{t.Dimension} {t.Total:0}"))}");
        }
    }

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
