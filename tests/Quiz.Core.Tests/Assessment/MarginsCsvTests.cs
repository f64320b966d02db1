using System.Text;
using Quiz.Core.Assessment;

namespace Quiz.Core.Tests.Assessment;

public sealed class MarginsCsvTests
{
    internal static string District(string name, double scale = 1) => string.Join("\n",
        ProfileCodes.CountedAgeBands.Select(c => $"{name},age,{c},{200 * scale}")
            .Concat(ProfileCodes.Sexes.Select(c => $"{name},sex,{c},{500 * scale}"))
            .Concat(ProfileCodes.Educations.Select(c => $"{name},education,{c},{250 * scale}")));

    private static (PopulationMargins? Margins, IReadOnlyList<Quiz.Core.Common.FieldError> Errors) Read(string text) =>
        MarginsCsv.Read(Encoding.UTF8.GetBytes(text), 42);

    [Fact]
    public void A_complete_file_loads_every_district()
    {
        var (margins, errors) = Read("district,dimension,code,population\n" + District("西湖区") + "\n" + District("淳安县", 0.1) + "\n");
        Assert.Empty(errors);
        Assert.Equal(1000, margins!.For("西湖区")!.Population);
        Assert.Equal(100, margins.For("淳安县")!.Population);
        Assert.Equal(200, margins.For("西湖区")!.Of("age", "60-69"));
    }

    [Fact]
    public void Chinese_headers_and_a_BOM_are_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("区县,维度,类别,人口\r\n" + District("西湖区"))).ToArray();
        Assert.Empty(MarginsCsv.Read(bytes, 0).Errors);
    }

    [Fact]
    public void Every_bad_row_and_field_is_reported_and_nothing_is_loaded()
    {
        var text = "district,dimension,code,population\n" + District("西湖区")
            + "\n西湖县,age,18-29,5\n滨江区,height,tall,5\n滨江区,age,18-25,5\n滨江区,sex,male,-3\n滨江区,sex,female,many\n西湖区,age,18-29,1\n拱墅区,sex,male,500";
        var (margins, errors) = Read(text);
        Assert.Null(margins);
        var fields = errors.Select(e => e.Field).ToList();
        Assert.Contains("row 13 district", fields);
        Assert.Contains("row 14 dimension", fields);
        Assert.Contains("row 15 code", fields);
        Assert.Contains("row 16 population", fields);
        Assert.Contains("row 17 population", fields);
        Assert.Contains("row 18 code", fields); // 西湖区 age 18-29 twice
        Assert.Contains(errors, e => e.Field == "district 拱墅区" && e.Message.Contains("age lacks", StringComparison.Ordinal));
    }

    [Fact]
    public void Totals_that_disagree_and_a_wrong_header_are_refused()
    {
        var skewed = District("西湖区").Replace("西湖区,sex,male,500", "西湖区,sex,male,900", StringComparison.Ordinal);
        var (_, errors) = Read("district,dimension,code,population\n" + skewed);
        Assert.Contains(errors, e => e.Field == "district 西湖区" && e.Message.Contains("differ", StringComparison.Ordinal));
        Assert.Equal("row 1", Assert.Single(Read("name,population\n西湖区,5").Errors).Field);
        Assert.Equal("file", Assert.Single(Read("district,dimension,code,population\n").Errors).Field);
    }
}
