using Atlas.Model;
using Atlas.Series;
using Atlas.Web.Pages;

namespace Atlas.Tests.Pages;

/// <summary>Each kind of value as a reader of each language writes it (fr-BE, nl-BE, en-GB), whichever page shows it.</summary>
public class FormatsTests
{
    private const string Nbsp = "\u00a0";

    [Theory]
    [InlineData(Lang.Fr, "12\u202f345")]
    [InlineData(Lang.Nl, "12.345")]
    [InlineData(Lang.En, "12,345")]
    public void Counts_are_grouped_as_the_language_groups_them(Lang lang, string expected) =>
        Assert.Equal(expected, lang.Count(12345));

    [Theory]
    [InlineData(Lang.Fr, "8,92", "−0,5", "1\u202f234,5")]
    [InlineData(Lang.Nl, "8,92", "−0,5", "1.234,5")]
    [InlineData(Lang.En, "8.92", "−0.5", "1,234.5")]
    public void Numbers_use_the_decimal_mark_and_a_true_minus(Lang lang, string fixedTwo, string negative, string grouped)
    {
        Assert.Equal(fixedTwo, lang.Fixed(8.923, 2));
        Assert.Equal(negative, lang.Number(-0.5));
        Assert.Equal(grouped, lang.Number(1234.5));
        Assert.Equal("34", lang.Number(34.0));   // no trailing decimal mark when there are no decimals
    }

    [Theory]
    [InlineData(Lang.Fr, "0,9" + Nbsp + "%", "−7,3" + Nbsp + "%")]
    [InlineData(Lang.Nl, "0,9" + Nbsp + "%", "−7,3" + Nbsp + "%")]
    [InlineData(Lang.En, "0.9%", "−7.3%")]
    public void Percentages_follow_the_language(Lang lang, string share, string percent)
    {
        Assert.Equal(share, lang.Percent(0.009));
        Assert.Equal(percent, lang.PercentOf(-7.3));
    }

    [Theory]
    [InlineData(Lang.Fr, "+3,86", "−0,20", "+1,5" + Nbsp + "%")]
    [InlineData(Lang.Nl, "+3,86", "−0,20", "+1,5" + Nbsp + "%")]
    [InlineData(Lang.En, "+3.86", "−0.20", "+1.5%")]
    public void Signed_values_carry_their_sign_but_zero_has_none(Lang lang, string up, string down, string percent)
    {
        Assert.Equal(up, lang.Signed(3.861, 2));
        Assert.Equal(down, lang.Signed(-0.2, 2));
        Assert.Equal(lang.Fixed(0, 2), lang.Signed(0.001, 2));
        Assert.Equal(percent, lang.SignedPercent(1.5));
    }

    [Theory]
    [InlineData(Lang.Fr, "1er", "2e", "23e")]
    [InlineData(Lang.Nl, "1ste", "2de", "23ste")]
    [InlineData(Lang.En, "1st", "2nd", "23rd")]
    public void Ranks_are_ordinals(Lang lang, string first, string second, string twentyThird)
    {
        Assert.Equal(first, lang.Rank(1));
        Assert.Equal(second, lang.Rank(2));
        Assert.Equal(twentyThird, lang.Rank(23));
    }

    [Fact]
    public void English_ordinals_of_the_teens_end_in_th() =>
        Assert.Equal(["11th", "12th", "13th", "111th", "8th"], new[] { 11, 12, 13, 111, 8 }.Select(n => Lang.En.Rank(n)));

    [Fact]
    public void Ranges_use_an_en_dash() => Assert.Equal("12–31", Lang.Fr.Range(12, 31));

    [Theory]
    [InlineData(Lang.Fr, "12 octobre 2025")]
    [InlineData(Lang.Nl, "12 oktober 2025")]
    [InlineData(Lang.En, "12 October 2025")]
    public void Dates_are_written_in_words(Lang lang, string expected)
    {
        Assert.Equal(expected, lang.Date(new DateOnly(2025, 10, 12)));
        Assert.Equal(expected, lang.Date("2025-10-12"));
        Assert.Equal(expected, lang.Date(new DateTimeOffset(2025, 10, 12, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal("not a date", lang.Date("not a date"));
    }

    [Theory]
    [InlineData(Lang.Fr, "mai 2025", "T2 2025")]
    [InlineData(Lang.Nl, "mei 2025", "K2 2025")]
    [InlineData(Lang.En, "May 2025", "Q2 2025")]
    public void Periods_are_written_in_words(Lang lang, string month, string quarter)
    {
        Assert.Equal(month, lang.Period(SeriesPeriod.Month(2025, 5)));
        Assert.Equal(quarter, lang.Period(SeriesPeriod.Quarter(2025, 2)));
        Assert.Equal("2019", lang.Period(SeriesPeriod.OfYear(2019)));
    }

    [Theory]
    [InlineData(Lang.Fr, "0,0123", "−1,85", "12\u202f346")]
    [InlineData(Lang.En, "0.0123", "−1.85", "12,346")]
    public void Significant_digits_never_turn_into_exponents(Lang lang, string small, string negative, string large)
    {
        Assert.Equal(small, lang.Significant(0.012345));
        Assert.Equal(negative, lang.Significant(-1.8512));
        Assert.Equal(large, lang.Significant(12345.6));
    }
}
