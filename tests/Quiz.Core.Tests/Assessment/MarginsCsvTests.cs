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
        var totals = Assert.Single(errors);
        Assert.Equal(("district 西湖区", "margins.totals", "1,400", "1,000", "—"), (totals.Field, totals.Code, totals.Args!["sex"], totals.Args!["age"], totals.Args!["residence"]));
        Assert.Equal("row 1", Assert.Single(Read("name,population\n西湖区,5").Errors).Field);
        Assert.Equal("file", Assert.Single(Read("district,dimension,code,population\n").Errors).Field);
    }

    [Fact]
    public void A_bad_value_is_one_error_not_also_a_missing_code_or_a_wrong_total()
    {
        // 西湖区's 60-69 row has a population that is not a number, 滨江区's one age code is misspelt: each is told once,
        // at its row, with a code and the value; neither district is then also said to lack a code or to have wrong totals.
        var text = "district,dimension,code,population\n"
            + District("西湖区").Replace("西湖区,age,60-69,200", "西湖区,age,60-69,二百", StringComparison.Ordinal) + "\n"
            + District("滨江区").Replace("滨江区,education,college,250", "滨江区,education,大学,250", StringComparison.Ordinal);
        var (_, errors) = Read(text);
        Assert.Equal(2, errors.Count);
        Assert.Equal(("row 6 population", "margins.population", "二百"), (errors[0].Field, errors[0].Code, errors[0].Args!["value"]));
        Assert.Equal(("row 23 code", "margins.code", "大学", "education"), (errors[1].Field, errors[1].Code, errors[1].Args!["value"], errors[1].Args!["dimension"]));
        Assert.All(errors, e => Assert.Equal(e.Message, Quiz.Core.Common.ReasonText.Render(
            AssessmentReasons.All.Single(r => r.Code == e.Code).English, e.Args!)));
    }

    [Fact]
    public void Every_error_carries_a_code_of_the_table_and_a_long_value_is_cut()
    {
        var text = "district,dimension,code,population\n" + new string('区', 500) + ",age,18-29,5\n西湖区,sex,male\n";
        var (_, errors) = Read(text);
        Assert.All(errors, e => Assert.Contains(AssessmentReasons.All, r => r.Code == e.Code));
        Assert.Equal(MarginsCsv.QuotedLength + 1, errors[0].Args!["value"].Length);
        Assert.Equal("row 3 population", errors[1].Field); // a missing cell is an empty value
        Assert.Equal("margins.header", Assert.Single(Read("a,b\n").Errors).Code);
        Assert.Equal("margins.encoding", Assert.Single(MarginsCsv.Read(new byte[] { 0x41, 0, 0x42 }, 0).Errors).Code);
        Assert.Equal("margins.empty", Assert.Single(Read("区县,维度,类别,人口\n\n").Errors).Code);
    }

    [Fact]
    public void Residence_is_optional_but_complete_when_given()
    {
        var (margins, errors) = Read("district,dimension,code,population\n" + District("西湖区") + "\n西湖区,residence,urban,700\n西湖区,residence,rural,300\n" + District("滨江区"));
        Assert.Empty(errors);
        Assert.Equal(["age", "sex", "education", "residence"], margins!.For("西湖区")!.Dimensions);
        Assert.Equal(["age", "sex", "education"], margins.For("滨江区")!.Dimensions);

        var half = Read("district,dimension,code,population\n" + District("西湖区") + "\n西湖区,residence,urban,1000\n").Errors;
        Assert.Equal(("margins.lacks", "residence", "rural"), (Assert.Single(half).Code, half[0].Args!["dimension"], half[0].Args!["codes"]));
    }
}
