using System.Globalization;
using Atlas.Model;
using Atlas.Register;
using Atlas.Snapshots;
using Atlas.Statbel;
using Atlas.Store;

namespace Atlas.Sources;

/// <summary>What a source counts: establishment units (under their main activity) or enterprises.</summary>
public enum UnitKind { Establishments, Enterprises }

/// <summary>
/// A statistical source the analyses run on — the KBO/BCE register or Statbel's VAT-registered enterprises — with
/// what it counts and as of when, so that every figure can say it ("establishments by main activity, 12 October
/// 2025" is not "VAT-registered enterprises by seat, 31 December 2019"). One object per version of the source's data:
/// what the analyses derive from it lives in its <see cref="Derived"/>.
/// </summary>
public sealed class CountSource : IIndicatorSource
{
    public const string KboId = "kbo";
    public static readonly string StatbelId = StatisticalSource.StatbelVat2019.Id;

    public string Id { get; }
    /// <summary>What the analyses count from this source (claims, complexity, the index): establishments for the register, enterprises for Statbel.</summary>
    public UnitKind MainUnit { get; }
    /// <summary>Every unit kind the source counts, the main one first.</summary>
    public IReadOnlyList<UnitKind> Units { get; }
    /// <summary>The NACE-BEL versions it codes activities in.</summary>
    public IReadOnlyList<int> NaceVersions { get; }
    /// <summary>The date its stock is counted on.</summary>
    public DateOnly? ReferenceDate { get; }
    /// <summary>The register's extract, for the register.</summary>
    public RegisterInfo? Register { get; }
    /// <summary>Statbel's table, flows and population, for Statbel.</summary>
    public VatEnterprises? Vat { get; }
    public Derived Derived { get; } = new();

    private CountSource(string id, UnitKind main, IReadOnlyList<UnitKind> units, IReadOnlyList<int> versions, DateOnly? date, RegisterInfo? register, VatEnterprises? vat)
    {
        (Id, MainUnit, Units, NaceVersions, ReferenceDate, Register, Vat) = (id, main, units, versions, date, register, vat);
    }

    private IRegisterStore? _store;

    public static CountSource Of(RegisterSnapshot register) => register.Derived.Get(typeof(CountSource), () =>
        new CountSource(KboId, UnitKind.Establishments, [UnitKind.Establishments, UnitKind.Enterprises], [2008, 2025],
            DateOnly.TryParseExact(register.Info.SnapshotDate ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            register.Info, null) { _store = register.Store });

    public static CountSource Of(VatEnterprises vat) =>
        new(StatbelId, UnitKind.Enterprises, [UnitKind.Enterprises], [2008], vat.Source.ReferenceDate, null, vat);

    /// <summary>What one counted unit is, in a language: "establishments by main activity", "VAT-registered enterprises by seat".</summary>
    public string Unit(Lang lang, UnitKind? unit = null) => (unit ?? MainUnit, Vat) switch
    {
        (UnitKind.Enterprises, { } vat) => vat.Source.Unit.Get(lang),
        (UnitKind.Enterprises, _) => lang switch { Lang.Nl => "ondernemingen (zetel en vestigingen)", Lang.Fr => "entreprises (siège et établissements)", _ => "enterprises (seat and establishments)" },
        _ => lang switch { Lang.Nl => "vestigingseenheden naar hoofdactiviteit", Lang.Fr => "unités d’établissement par activité principale", _ => "establishment units by main activity" },
    };

    /// <summary>The source's name, for a reader: "KBO/BCE register, extract 147" or Statbel's title.</summary>
    public string Title(Lang lang) => Vat is { } vat ? vat.Source.Title.Get(lang)
        : lang switch { Lang.Nl => "KBO-register", Lang.Fr => "registre BCE", _ => "KBO/BCE register" } + $", {ExtractWord(lang)} {Register!.ExtractNumber}";

    /// <summary>A short name for tables and lists: "Statbel VAT 2019", "KBO/BCE 2025-10-12".</summary>
    public string ShortTitle(Lang lang) => Vat is not null
        ? lang switch { Lang.Nl => "Statbel btw", Lang.Fr => "Statbel TVA", _ => "Statbel VAT" } + $" {ReferenceDate?.Year}"
        : (lang == Lang.Nl ? "KBO" : lang == Lang.Fr ? "BCE" : "KBO/BCE") + (ReferenceDate is { } d ? $" {d:yyyy-MM-dd}" : "");

    private static string ExtractWord(Lang lang) => lang switch { Lang.Nl => "uittreksel", Lang.Fr => "extrait", _ => "extract" };

    /// <summary>Units of a kind by area and NACE class of a version; null when the source does not count them.</summary>
    internal IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>>? ReadCounts(UnitKind unit, int naceVersion)
    {
        if (!Units.Contains(unit) || !NaceVersions.Contains(naceVersion)) return null;
        if (Vat is { } vat) return vat.ClassCounts;
        var byArea = new Dictionary<int, Dictionary<int, int>>();
        foreach (var row in _store!.Counts(unit == UnitKind.Establishments ? RegisterSchema.Establishments : RegisterSchema.Enterprises, naceVersion))
            (byArea.TryGetValue(row.Nis, out var d) ? d : byArea[row.Nis] = [])[row.Class] = row.Count;
        return byArea.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<int, int>)kv.Value);
    }

    /// <summary>The register's enterprises by seat per municipality, with those that started after <paramref name="since"/> (yyyy-mm-dd).</summary>
    internal IReadOnlyList<SeatCount> SeatCounts(string since) => _store?.EnterprisesBySeat(since) ?? [];

    /// <summary>The section letter of each division of a NACE version.</summary>
    internal IReadOnlyDictionary<int, string> Sections(int naceVersion) => Vat?.SectionOfDivision ?? _store!.SectionsOfDivisions(naceVersion);

    /// <summary>The labels of the NACE codes of a version in a language (code → label), up to classes.</summary>
    public IReadOnlyDictionary<string, string> NaceLabels(int naceVersion, Lang lang) => Derived.Get(("nace-labels", naceVersion, lang), () =>
        Vat is { } vat
            ? vat.Labels.All.Where(l => l.Code.Length <= 4).Select(l => (l.Code, Label: l.Names.Get(lang))).ToDictionary(x => x.Code, x => x.Label)
            : _store!.NaceLabels(naceVersion)
                .Select(l => (l.Code, Label: lang switch { Lang.Nl => l.Nl ?? l.Fr, Lang.En => l.En ?? l.Fr, _ => l.Fr ?? l.Nl }))
                .Where(x => x.Label is not null).ToDictionary(x => x.Code, x => x.Label!));
}
