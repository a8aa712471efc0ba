using Atlas.Catalogue;
using Atlas.Data;
using Atlas.Model;
using Atlas.Register;
using Atlas.Search;
using Atlas.Snapshots;
using Atlas.Specialisation;
using Atlas.Store;

namespace Atlas.Companies;

/// <summary>
/// Companies of the enterprise register (KBO/BCE): found by any of their names or by enterprise or establishment
/// number; one company with its names, juridical form, seat, activities and establishments; and the link between a
/// curated organisation and its register record.
/// </summary>
public sealed class CompanyQueries(AtlasSnapshots snapshots)
{
    /// <summary>The most hits a name search ranks (the best first); a page beyond them is empty.</summary>
    public const int MaxHits = 2000;

    /// <summary>The most establishments listed with an enterprise (a chain may have thousands; the count is given).</summary>
    public const int MaxEstablishmentsListed = 500;

    /// <summary>The ten digits of an enterprise or establishment number typed by a person (dots, spaces and BE optional), or null.</summary>
    public static long? NumberQuery(string text) =>
        EnterpriseNumber.TryParse(text, out var enterprise) ? enterprise.Value
        : EstablishmentNumber.TryParse(text, out var establishment, out _) ? establishment.Value : null;

    /// <summary>
    /// Enterprises whose name (any denomination of the enterprise or of one of its establishments, in any language)
    /// holds every word of the query, accents and case ignored, the last word as a prefix; or the enterprise with that
    /// number when the query is an enterprise or establishment number.
    /// </summary>
    /// <exception cref="NoRegisterException">no register is loaded.</exception>
    public CompanySearch Search(string query, Lang lang, PageRequest page)
    {
        var register = snapshots.RequireRegister();
        using var session = register.Store.Open();
        var ranked = new List<long>();
        var matched = new Dictionary<long, string>();
        var limited = false;
        if (NumberQuery(query) is { } number)
        {
            if (session.EnterpriseOf(number) is { } e && session.Enterprise(e) is not null) ranked.Add(e);
        }
        else
        {
            var names = session.FindNames(SearchQueries.Terms(query), MaxHits + 1);
            limited = names.Count > MaxHits;
            foreach (var (entity, name) in names.Take(MaxHits))
                if (session.EnterpriseOf(entity) is { } e && !matched.ContainsKey(e))
                {
                    ranked.Add(e);
                    matched[e] = name;
                }
        }
        var reader = new Reader(snapshots.Curated, register, session, lang);
        var items = new List<CompanySummary>();
        foreach (var n in ranked.Skip(page.Offset).Take(page.Size))
        {
            if (reader.Summary(n) is not { } summary) continue;
            // the name that matched, when it is not the one shown (a commercial name, an establishment's name …)
            items.Add(matched.TryGetValue(n, out var name) && name != summary.Name ? summary with { Matched = name } : summary);
        }
        return new CompanySearch(query, new Page<CompanySummary>(items, ranked.Count, page.Number, page.Size), limited, register.Info);
    }

    /// <summary>One enterprise by its number (an establishment unit number leads to its enterprise); null if the register lacks it.</summary>
    /// <exception cref="NoRegisterException">no register is loaded.</exception>
    public Company? Get(long number, Lang lang)
    {
        var register = snapshots.RequireRegister();
        using var session = register.Store.Open();
        if (session.EnterpriseOf(number) is not { } enterprise) return null;
        return new Reader(snapshots.Curated, register, session, lang).Company(enterprise);
    }

    /// <summary>The register record of a curated organisation, when it has an enterprise number; null when it has none.</summary>
    public RegisterLink? LinkOf(Organisation organisation, Lang lang)
    {
        if (organisation.EnterpriseNumber is not { } number) return null;
        if (snapshots.Register is not { } register) return new RegisterLink(number, false, null);
        using var session = register.Store.Open();
        var summary = new Reader(snapshots.Curated, register, session, lang).Summary(number.Value);
        return new RegisterLink(number, true, summary is null ? null : summary with { Organisation = null });
    }

    /// <summary>Reads the register's rows of one answer into typed records, with labels in one language.</summary>
    private sealed class Reader(CuratedSnapshot curated, RegisterSnapshot register, IRegisterSession session, Lang lang)
    {
        private static readonly string[] LanguageCodes = ["unknown", "fr", "nl", "de", "en"];

        public CompanySummary? Summary(long number)
        {
            if (session.Enterprise(number) is not { } e) return null;
            var seat = session.Addresses(number).Where(a => a.Type == "REGO" && a.Nis is not null).MinBy(a => a.Nis);
            var main = MainActivities(number).FirstOrDefault(a => a.NaceVersion == 2008);
            return new CompanySummary(Format(number), Names(number).FirstOrDefault()?.Name, e.JuridicalForm is null ? null : Code("JuridicalForm", e.JuridicalForm),
                Code("TypeOfEnterprise", e.TypeOfEnterprise), e.StartDate, seat is null ? null : Municipality((int)seat.Nis!.Value),
                session.Establishments(number).Count, main, CuratedByNumber().GetValueOrDefault(number));
        }

        public Company? Company(long number)
        {
            if (session.Enterprise(number) is not { } e) return null;
            var addresses = Addresses(number);
            var establishments = session.Establishments(number);
            return new Company(Format(number), Names(number).FirstOrDefault()?.Name, Names(number), Code("Status", e.Status),
                Code("JuridicalSituation", e.JuridicalSituation), Code("TypeOfEnterprise", e.TypeOfEnterprise),
                e.JuridicalForm is null ? null : Code("JuridicalForm", e.JuridicalForm), e.JuridicalFormCac is null ? null : Code("JuridicalForm", e.JuridicalFormCac),
                e.StartDate, addresses.FirstOrDefault(a => a.Type == "REGO"), addresses, Activities(number),
                session.Contacts(number).Select(c => new CompanyContact(c.ContactType, c.Value)).ToList(), establishments.Count,
                establishments.Take(MaxEstablishmentsListed)
                    .Select(s => new CompanyEstablishment(Format(s.Number), s.StartDate, Names(s.Number), Addresses(s.Number).FirstOrDefault(), Activities(s.Number)))
                    .ToList(),
                CuratedByNumber().GetValueOrDefault(number), register.Info);
        }

        /// <summary>The names of a unit, the official name in the asked language first.</summary>
        private List<CompanyName> Names(long entity)
        {
            var wanted = lang switch { Lang.Fr => 1, Lang.Nl => 2, Lang.De => 3, _ => 4 };
            return session.Names(entity).OrderBy(x => x.Type, StringComparer.Ordinal).ThenBy(x => x.Language == wanted ? 0 : 1).ThenBy(x => x.Language)
                .Select(x => new CompanyName(x.Name, x.Language is >= 0 and <= 4 ? LanguageCodes[x.Language] : x.Language.ToString(),
                    x.Type switch { "001" => "name", "002" => "abbreviation", "003" => "commercial-name", "004" => "branch-name", _ => x.Type }))
                .ToList();
        }

        private List<CompanyAddress> Addresses(long entity) => session.Addresses(entity).Select(a =>
        {
            var nl = lang == Lang.Nl;
            return new CompanyAddress(a.Type, nl ? a.StreetNl ?? a.StreetFr : a.StreetFr ?? a.StreetNl, a.HouseNumber, a.Box, a.Zipcode,
                nl ? a.MunicipalityNl ?? a.MunicipalityFr : a.MunicipalityFr ?? a.MunicipalityNl, nl ? a.CountryNl : a.CountryFr ?? a.CountryNl,
                a.ExtraAddressInfo, a.Nis is { } nis ? Municipality((int)nis) : null);
        }).ToList();

        private List<CompanyActivity> Activities(long entity) => session.Activities(entity)
            .Select(a => new CompanyActivity(a.Classification.Code(), a.NaceVersion, a.Nace.ToString(), NaceLabel(a.NaceVersion, a.Nace.ToString()), a.Group.ToString("D3")))
            .ToList();

        /// <summary>The main activity of each version by the rule of <see cref="MainActivity"/>, NACE-BEL 2008 first.</summary>
        private IEnumerable<CompanyActivity> MainActivities(long entity) =>
            Activities(entity).Where(a => a.Classification == "MAIN")
                .GroupBy(a => a.NaceVersion)
                .Select(g => g.OrderBy(a => a.Group, StringComparer.Ordinal).ThenBy(a => a.Code.PadRight(7, '0'), StringComparer.Ordinal).First())
                .OrderByDescending(a => a.NaceVersion == 2008);

        /// <summary>The label of a NACE code, else of its class.</summary>
        private string? NaceLabel(int version, string code)
        {
            var labels = Sources.CountSource.Of(register).NaceLabels(version, lang);
            return labels.GetValueOrDefault(code) ?? (code.Length > 4 ? labels.GetValueOrDefault(code[..4]) : null);
        }

        private CodeValue Code(string category, string code)
        {
            var labels = register.Derived.Get(typeof(CodeLabel), () => register.Store.Codes()
                .GroupBy(c => (c.Category, c.Code)).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Language, c => c.Description.Trim())));
            var byLanguage = labels.GetValueOrDefault((category, code));
            var label = lang == Lang.Nl ? byLanguage?.GetValueOrDefault("NL") ?? byLanguage?.GetValueOrDefault("FR")
                : byLanguage?.GetValueOrDefault("FR") ?? byLanguage?.GetValueOrDefault("NL");
            return new CodeValue(code, label);
        }

        private MunicipalityRef Municipality(int nis)
        {
            var id = ReferenceGeo.IdOf(NisCode.Parse(nis.ToString("D5")));
            return new MunicipalityRef(id, nis.ToString("D5"), curated.Get(id)?.Label(lang));
        }

        /// <summary>Curated organisations by enterprise number (from data/organisations.yaml).</summary>
        private IReadOnlyDictionary<long, string> CuratedByNumber() => curated.Derived.Get(typeof(Organisation), () =>
            curated.All<Organisation>().Where(o => o.EnterpriseNumber is not null).ToDictionary(o => o.EnterpriseNumber!.Value.Value, o => o.Id));

        /// <summary>0202.239.951 for an enterprise, 2.190.171.611 for an establishment unit.</summary>
        private static string Format(long digits) =>
            EnterpriseNumber.TryFromDigits(digits, out var e) ? e.ToString()
            : EstablishmentNumber.TryFromDigits(digits, out var s) ? s.ToString() : digits.ToString("D10");
    }
}
