using System.Globalization;
using Atlas.Model;

namespace Atlas.Statbel;

/// <summary>
/// What a statistical source counts and as of when, so that every figure can say it: "VAT-registered enterprises by
/// seat, 31 December 2019" is not "establishments by main activity, 12 October 2025".
/// </summary>
/// <param name="Id">A stable id (<c>statbel-vat-2019</c>).</param>
/// <param name="Unit">What one counted thing is, in FR/NL/EN.</param>
/// <param name="ReferenceDate">The date the stock is counted on.</param>
/// <param name="FlowPeriod">The period of the registrations and cessations (the year ending on the reference date).</param>
/// <param name="Attribution">The credit line the licence asks for.</param>
public sealed record StatisticalSource(string Id, LocalizedText Unit, DateOnly ReferenceDate, Period FlowPeriod,
    LocalizedText Title, string Attribution, string Licence, string Origin)
{
    /// <summary>Statbel's VAT-registered enterprises by municipality of the seat × NACE-BEL 2008, end of 2019.</summary>
    public static readonly StatisticalSource StatbelVat2019 = new(
        Id: "statbel-vat-2019",
        Unit: new([
            new(Lang.Fr, "entreprises assujetties à la TVA, par siège"),
            new(Lang.Nl, "btw-plichtige ondernemingen, per zetel"),
            new(Lang.En, "VAT-registered enterprises by seat"),
        ]),
        ReferenceDate: new DateOnly(2019, 12, 31),
        FlowPeriod: Period.OfYear(2019),
        Title: new([
            new(Lang.Fr, "Entreprises assujetties à la TVA par forme juridique et NACE, 2019"),
            new(Lang.Nl, "Btw-plichtige ondernemingen per rechtsvorm en NACE, 2019"),
            new(Lang.En, "Enterprises subject to VAT by legal form and NACE, 2019"),
        ]),
        Attribution: "Statbel (Directorate-general Statistics - Statistics Belgium)",
        Licence: "Statbel open data licence (free reuse with attribution)",
        Origin: "TF_VAT_NACE_SQ_2019 (Statbel open data); shipped copy in data/reference/statbel/");

    private static readonly Dictionary<Lang, CultureInfo> Cultures = new()
    {
        [Lang.Fr] = CultureInfo.GetCultureInfo("fr-BE"), [Lang.Nl] = CultureInfo.GetCultureInfo("nl-BE"),
        [Lang.En] = CultureInfo.GetCultureInfo("en-GB"), [Lang.De] = CultureInfo.GetCultureInfo("de-BE"),
    };

    /// <summary>The unit and the reference date in one line: "VAT-registered enterprises by seat, 31 December 2019".</summary>
    public string Describe(Lang lang) =>
        $"{Unit.Get(lang)}, {ReferenceDate.ToString("d MMMM yyyy", Cultures.GetValueOrDefault(lang, CultureInfo.InvariantCulture))}";
}
