using Atlas.Model;

namespace Atlas.Tests;

public class ModelTests
{
    [Theory]
    [InlineData("44021", true)]   // Ghent
    [InlineData("21004", true)]   // the City of Brussels
    [InlineData("20001", false)]  // the province of Flemish Brabant: its code is not round, it is not a municipality
    [InlineData("20002", false)]  // the province of Walloon Brabant
    [InlineData("44000", false)]  // the arrondissement of Ghent
    [InlineData("40000", false)]  // the province of East Flanders
    [InlineData("04000", false)]  // the Brussels-Capital Region
    public void One_rule_tells_a_municipality_from_the_areas_above_it(string code, bool municipality)
    {
        Assert.Equal(municipality, NisCode.Parse(code).IsMunicipality);
        Assert.Equal(municipality, Atlas.Register.Areas.IsMunicipality(int.Parse(code)));
    }

    [Fact]
    public void The_reference_municipalities_are_565_and_do_not_include_the_brabant_provinces()
    {
        var names = Atlas.Data.ReferenceGeo.MunicipalityNames(TestPaths.DataDir);
        Assert.DoesNotContain("20001", names.Keys);
        Assert.DoesNotContain("20002", names.Keys);
        Assert.Equal(581, names.Count);   // REFNIS 2019: the 581 municipalities before the 2025 mergers
    }

    [Theory]
    [InlineData("0202.239.951", "0202.239.951")]
    [InlineData("0202239951", "0202.239.951")]
    [InlineData("202.239.951", "0202.239.951")]   // written without the leading zero
    [InlineData("BE 0202 239 951", "0202.239.951")]
    public void Enterprise_number_accepts_the_usual_spellings(string input, string expected)
    {
        Assert.True(EnterpriseNumber.TryParse(input, out var number, out var error), error);
        Assert.Equal(expected, number.ToString());
        Assert.Equal("0202239951", number.Digits);
    }

    [Theory]
    [InlineData("0202.239.952", "mod-97")]        // check digits off by one
    [InlineData("0202.239.9", "10 digits")]
    [InlineData("0202.239.9511", "10 digits")]
    [InlineData("2202.239.951", "starts with 0 or 1")] // an establishment unit number
    [InlineData("0202-ABC-951", "only digits")]
    [InlineData("", "empty")]
    public void Enterprise_number_refuses_invalid_numbers_and_says_why(string input, string reason)
    {
        Assert.False(EnterpriseNumber.TryParse(input, out _, out var error));
        Assert.Contains(reason, error);
        Assert.Throws<FormatException>(() => EnterpriseNumber.Parse(input));
    }

    [Fact]
    public void Enterprise_number_check_is_97_minus_the_first_eight_digits_mod_97()
    {
        // 02022399 mod 97 = 46, and 97 - 46 = 51
        Assert.Equal(46, 2022399 % 97);
        Assert.True(EnterpriseNumber.TryParse("0202.239.951", out _));
    }

    [Theory]
    [InlineData(202239951L, true, "0202.239.951")]
    [InlineData(1999999999L, true, "1999.999.999")]
    [InlineData(2190171611L, false, "2.190.171.611")]
    [InlineData(9000000191L, false, "9.000.000.191")]    // a branch's Id: ten digits, written like a unit's
    public void Kbo_digits_say_what_they_number_and_how_the_register_writes_them(long digits, bool enterprise, string written)
    {
        Assert.Equal(enterprise, KboDigits.IsEnterprise(digits));
        Assert.Equal(written, KboDigits.Format(digits));
        if (EnterpriseNumber.TryFromDigits(digits, out var e)) Assert.Equal(written, e.ToString());
        if (EstablishmentNumber.TryFromDigits(digits, out var s)) Assert.Equal(written, s.ToString());
        Assert.Equal(!enterprise && written[0] != '9', KboDigits.IsEstablishment(digits));
    }

    [Theory]
    [InlineData("44021", true, "44000")]
    [InlineData("21004", true, "21000")]
    [InlineData("04000", false, "04000")]
    public void Nis_code_knows_municipalities_and_their_arrondissement(string code, bool municipality, string arrondissement)
    {
        var nis = NisCode.Parse(code);
        Assert.Equal(code, nis.ToString());
        Assert.Equal(municipality, nis.IsMunicipality);
        Assert.Equal(arrondissement, nis.Arrondissement.ToString());
    }

    [Theory]
    [InlineData("4402")]
    [InlineData("440211")]
    [InlineData("4402a")]
    [InlineData("00000")]
    public void Nis_code_refuses_anything_but_five_digits(string code) =>
        Assert.False(NisCode.TryParse(code, out _, out _));

    [Fact]
    public void Period_is_a_year_or_a_month()
    {
        var may = Period.Parse("2025-05");
        Assert.Equal(2025, may.Year);
        Assert.Equal(5, may.Month);
        Assert.Equal(new DateOnly(2025, 5, 31), may.End);
        var year = Period.Parse("2025");
        Assert.Null(year.Month);
        Assert.Equal(new DateOnly(2025, 12, 31), year.End);
        Assert.True(Period.Parse("2025-04").CompareTo(may) < 0);
        foreach (var bad in new[] { "2025-13", "25", "2025/05", "May 2025", "" })
            Assert.False(Period.TryParse(bad, out _, out _), bad);
    }

    [Fact]
    public void Qualifier_reads_in_each_language()
    {
        Assert.True(Qualifiers.TryParse("more-than", out var q));
        Assert.Equal(Qualifier.MoreThan, q);
        Assert.Equal("plus de", q.Words(Lang.Fr));
        Assert.Equal("meer dan", q.Words(Lang.Nl));
        Assert.Equal("more than", q.Words(Lang.En));
        Assert.False(Qualifiers.TryParse("roughly", out _));
    }

    [Fact]
    public void Localized_text_falls_back_to_english_then_french()
    {
        var text = new LocalizedText([new(Lang.Fr, "Gand"), new(Lang.En, "Ghent")]);
        Assert.Equal("Ghent", text.Get(Lang.Nl));
        Assert.Equal("Gand", text.Get(Lang.Fr));
        Assert.Null(text.Exact(Lang.Nl));
    }
}
