using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>
/// A roster as a sheet (.xlsx or .csv, UTF-8 or GB18030), read with the bank import's readers: a header row with
/// 姓名 and 工号 (required), 单位, 区县, 手机; one person per row. Every problem is reported by row and column, the
/// way a bank import reports them, and nothing is imported while any remains.
/// </summary>
public static class RosterSheet
{
    public static readonly IReadOnlyList<string> Headers = ["姓名", "工号", "单位", "区县", "手机"];
    private static readonly string[] Required = ["姓名", "工号"];
    // An error's field is "roster.<field>", so a page labels it apart from a question's or a bank's fields of the same name.
    private const string Field = "roster.";
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["name"] = "姓名", ["staffId"] = "工号", ["unit"] = "单位", ["district"] = "区县", ["phone"] = "手机",
    };

    /// <summary>The people of a file with their sheet rows, and every problem; <paramref name="format"/> is xlsx or csv.</summary>
    public static RosterFile Read(BankFormat format, ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return RosterFile.Failed(BankReasons.FileEmpty.With());
        }
        try
        {
            return Read([.. BoundedSheet.Rows(format, bytes, SheetLimits.Bank)]);
        }
        catch (SheetRefused refused)
        {
            return new RosterFile([], [refused.Error]);
        }
    }

    /// <summary>An empty roster sheet with one example row, for organizers to fill in.</summary>
    public static byte[] Template(BankFormat format)
    {
        string[][] rows = [["张三", "HZ-0001", "市科协", "西湖区", "13800000000"]];
        using var stream = new MemoryStream();
        if (format == BankFormat.Xlsx)
        {
            XlsxBankFile.WriteRows(rows, stream, Headers);
        }
        else
        {
            CsvBankFile.WriteRows(rows, stream, Headers);
        }
        return stream.ToArray();
    }

    private static RosterFile Read(IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> rows)
    {
        var errors = new List<ImportError>();
        var people = new List<RosterRow>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, int>? columns = null;
        foreach (var (row, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (columns is null)
            {
                columns = TabularTemplate.ReadHeader(row, cells, errors, Headers, Required);
                if (columns is null)
                {
                    return new RosterFile([], errors);
                }
                continue;
            }
            string? Cell(string name) => columns.TryGetValue(name, out var i) && i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            var person = new RosterPerson(Cell("姓名") ?? "", Cell("工号") ?? "", Cell("单位"), Cell("区县"), Cell("手机"));
            var problems = RosterRules.Errors(person).ToList();
            errors.AddRange(problems.Select(p => new ImportError(row, Columns[p.Field], p.Reason, Field + p.Field)));
            if (person.StaffId.Length > 0 && !firstRowOf.TryAdd(person.StaffId, row))
            {
                errors.Add(new ImportError(row, "工号", RosterReasons.StaffIdRepeat.With(("staffId", person.StaffId), ("row", firstRowOf[person.StaffId])), Field + "staffId"));
            }
            people.Add(new RosterRow(row, person));
        }
        if (columns is null)
        {
            errors.Add(new ImportError(0, "", RosterReasons.Empty.With(("headers", string.Join(", ", Headers)))));
        }
        else if (people.Count == 0)
        {
            errors.Add(new ImportError(0, "", RosterReasons.NoPeople.With()));
        }
        else if (people.Count > RosterRules.MaxPeople)
        {
            errors.Add(new ImportError(0, "", RosterReasons.TooMany.With(("max", RosterRules.MaxPeople), ("count", people.Count))));
        }
        return new RosterFile(people, errors);
    }
}

/// <summary>One person of a roster file, with the row a spreadsheet shows it on.</summary>
public sealed record RosterRow(int Row, RosterPerson Person);

/// <summary>What a roster file holds: its people and every problem (none: it may be imported).</summary>
public sealed record RosterFile(IReadOnlyList<RosterRow> People, IReadOnlyList<ImportError> Errors)
{
    public static RosterFile Failed(Reason reason) => new([], [new ImportError(0, "", reason)]);
}
