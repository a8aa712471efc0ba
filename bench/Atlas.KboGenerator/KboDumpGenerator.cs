using System.Globalization;
using System.Text;
using Atlas.Data;
using Atlas.Model;
using Atlas.Register;

namespace Atlas.KboGenerator;

public sealed record GeneratorSpec
{
    public required string OutDir { get; init; }
    /// <summary>1 writes the size of the real extract 140 (46.8 million rows); 0.001 a thousandth of it.</summary>
    public double Scale { get; init; } = 1;
    public int Seed { get; init; } = 1;
    public int ExtractNumber { get; init; } = 140;
    public DateOnly SnapshotDate { get; init; } = new(2025, 10, 4);
    /// <summary>The real code.csv, copied as it is.</summary>
    public required string CodesPath { get; init; }
    /// <summary>The data folder (reference/geo for populations, postcodes and mergers).</summary>
    public required string DataDir { get; init; }
    /// <summary>An update extract whose deleted numbers the dump should hold, so that applying it deletes real rows.</summary>
    public string? IncludeFrom { get; init; }
}

public sealed record GeneratorResult(Dictionary<string, long> Rows, long Bytes);

/// <summary>
/// Writes a synthetic FULL KBO Open Data dump in the exact published format (headers, quoting, dd-mm-yyyy dates,
/// UTF-8, LF, rows sorted by number) with the size and shape of the real one: the row counts of extract 140 times a
/// scale factor; postcodes drawn in proportion to the 2020 population of their municipality; a skewed mix of the real
/// NACE-BEL 2008 sub-classes of code.csv with their 2025 and (for units started before 2008) 2003 counterparts;
/// about 35 % of enterprises without a MAIN activity and about 40 % without an address (natural persons have no
/// seat); valid mod-97 numbers. The same seed gives the same bytes.
/// </summary>
public static class KboDumpGenerator
{
    // extract 140 (October 2025), from ../shared/reference/MANIFEST.md
    public const long RealEnterprises = 1_938_239, RealEstablishments = 1_672_491, RealBranches = 7_326;
    private const double MeanSecondary = 5.1;   // calibrated so that activity.csv has 36.3 million rows at scale 1

    private static readonly string[] FirstNames = ["Jan", "Marie", "Luc", "Sophie", "Pieter", "Anne", "Thomas", "Julie", "Koen", "Els", "Mohamed", "Sarah", "Bart", "Nathalie", "Hélène", "Géraldine", "Jérôme", "Zoë", "Noël", "Françoise", "Wim", "Inge", "Karim", "Fatima", "Stéphane", "Joëlle", "Dirk", "Katrien", "Olivier", "Chloé"];
    private static readonly string[] LastNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Leclercq", "Lejeune", "Renard", "Dumont", "Lefèvre", "Mercier", "Hermans", "Van den Broeck", "Vermeulen", "Michiels", "Desmet", "Simon", "François", "Gérard", "Noël", "Müller", "Van Damme", "D'Hondt", "El Amrani", "Vandenberghe", "Declercq"];
    private static readonly string[] Words = ["Bouw", "Techniek", "Consult", "Services", "Immo", "Invest", "Logistics", "Solutions", "Brasserie", "Boulangerie", "Électricité", "Garage", "Transport", "Pharma", "Digital", "Data", "Energy", "Chimie", "Textiel", "Métal", "Design", "Café", "Studio", "Atelier", "Holding", "Management", "Smart", "Green", "Bio", "Nano", "Aéro", "Robotics", "Food", "Agri", "Medical", "Santé", "Zorg", "Advies", "Groep", "Partners", "Créations", "Bâtiment", "Menuiserie", "Façades", "Sécurité", "Kwaliteit", "Mécanique", "Vélo", "Crème", "Œuvre"];
    private static readonly string[] Places = ["Antwerp", "Gent", "Liège", "Namur", "Brugge", "Leuven", "Mons", "Charleroi", "Hasselt", "Kortrijk", "Ardenne", "Kempen", "Meuse", "Schelde", "Zenne", "Sambre", "Condroz", "Westhoek", "Famenne", "Hainaut"];
    private static readonly (string Code, double Weight, string Nl, string Fr)[] Forms =
    [
        ("610", 0.36, "BV", "SRL"), ("015", 0.16, "BVBA", "SPRL"), ("014", 0.10, "NV", "SA"), ("017", 0.16, "VZW", "ASBL"),
        ("612", 0.08, "CommV", "SComm"), ("008", 0.09, "CVBA", "SCRL"), ("030", 0.02, "Ltd", "Ltd"), ("117", 0.02, "VZW", "ASBL"),
        ("616", 0.01, "BV", "SRL"),
    ];

    private sealed class Geo
    {
        public readonly List<(string Postcode, string Name, int Region)> Postcodes = [];   // region: 1 Flanders, 2 Wallonia, 3 Brussels
        public double[] Cumulative = [];                                                     // by population, over Postcodes
    }

    public static GeneratorResult Write(GeneratorSpec spec, TextWriter? log = null)
    {
        Directory.CreateDirectory(spec.OutDir);
        var rng = new Random(spec.Seed);
        var geo = LoadGeo(spec.DataDir);
        var nace = LoadNace(spec.CodesPath);
        var skew = Skew(nace.Codes2008.Count, rng);

        var nEnt = Math.Max(1, (long)Math.Round(RealEnterprises * spec.Scale));
        var nEst = Math.Max(1, (long)Math.Round(RealEstablishments * spec.Scale));
        var nBr = Math.Max(1, (long)Math.Round(RealBranches * spec.Scale));
        var (includeEnt, includeEst) = Included(spec.IncludeFrom);
        var entNumbers = Numbers(nEnt, 2_000_000, 7, rng, includeEnt);
        var estNumbers = Numbers(nEst, 20_000_000, 2, rng, includeEst);
        var brNumbers = Numbers(nBr, 90_000_000, 50, rng, []);
        int E = entNumbers.Length, S = estNumbers.Length, B = brNumbers.Length;

        // enterprises
        var natural = new bool[E];
        var form = new byte[E];
        var entStart = new DateOnly[E];
        var seat = new int[E];            // postcode index, -1 none
        var seatAbroad = new bool[E];
        var entMain = new int[E];         // NACE 2008 code index, -1 none
        var legal = new List<int>();
        for (var e = 0; e < E; e++)
        {
            natural[e] = rng.NextDouble() < 0.40;
            entStart[e] = StartDate(rng);
            entMain[e] = rng.NextDouble() < 0.65 ? Pick(skew, rng) : -1;
            if (natural[e]) { seat[e] = -1; continue; }
            legal.Add(e);
            form[e] = (byte)PickForm(rng);
            seat[e] = PickPostcode(geo, rng);
            seatAbroad[e] = rng.NextDouble() < 0.01;
        }
        // establishments: natural persons' shops and offices, and the sites of legal persons (older ones have more)
        var naturals = Enumerable.Range(0, E).Where(e => natural[e]).ToArray();
        var estEnt = new int[S];
        var estPostcode = new int[S];
        var estStart = new DateOnly[S];
        var estMain = new int[S];
        for (var s = 0; s < S; s++)
        {
            int e;
            if ((rng.NextDouble() < 0.45 && naturals.Length > 0) || legal.Count == 0) e = naturals[rng.Next(naturals.Length)];
            else e = legal[(int)(legal.Count * Math.Pow(rng.NextDouble(), 3))];
            estEnt[s] = e;
            estPostcode[s] = seat[e] >= 0 && rng.NextDouble() < 0.5 ? seat[e] : PickPostcode(geo, rng);
            estStart[s] = entStart[e] > DateOnly.FromDateTime(new DateTime(2024, 1, 1)) ? entStart[e] : StartDate(rng, entStart[e]);
            estMain[s] = rng.NextDouble() < 0.80 ? (entMain[e] >= 0 && rng.NextDouble() < 0.7 ? entMain[e] : Pick(skew, rng)) : -1;
        }
        var brEnt = new int[B];
        for (var b = 0; b < B; b++) brEnt[b] = legal.Count > 0 ? legal[rng.Next(legal.Count)] : 0;

        var entText = entNumbers.Select(KboDigits.Format).ToArray();
        var estText = estNumbers.Select(KboDigits.Format).ToArray();
        var brText = brNumbers.Select(KboDigits.Format).ToArray();
        var names = new string[E];
        for (var e = 0; e < E; e++) names[e] = natural[e] ? PersonName(rng) : CompanyName(rng, form[e], Lang(geo, seat[e]));

        var rows = new Dictionary<string, long>();
        long bytes = 0;
        void Log(string file) => log?.WriteLine($"  {file}: {rows[file]:N0} rows");

        // meta.csv and code.csv
        using (var w = Writer(spec, "meta.csv"))
        {
            w.Write("\"Variable\",\"Value\"\n");
            w.Write($"\"SnapshotDate\",\"{spec.SnapshotDate:dd-MM-yyyy}\"\n");
            w.Write($"\"ExtractTimestamp\",\"{spec.SnapshotDate.AddDays(1):dd-MM-yyyy} 05:12:44\"\n");
            w.Write("\"ExtractType\",\"full\"\n");
            w.Write($"\"ExtractNumber\",\"{spec.ExtractNumber}\"\n");
            w.Write("\"Version\",\"1.0.0\"\n");
            rows["meta.csv"] = 5;
        }
        File.Copy(spec.CodesPath, Path.Combine(spec.OutDir, "code.csv"), overwrite: true);
        rows["code.csv"] = File.ReadLines(spec.CodesPath).LongCount() - 1;

        using (var w = Writer(spec, "enterprise.csv"))
        {
            w.Write("\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"\n");
            for (var e = 0; e < E; e++)
            {
                var f = natural[e] ? "" : $"\"{Forms[form[e]].Code}\"";
                w.Write($"\"{entText[e]}\",\"AC\",\"000\",\"{(natural[e] ? 1 : 2)}\",{f},,{entStart[e]:dd-MM-yyyy}\n");
            }
            rows["enterprise.csv"] = E;
        }
        Log("enterprise.csv");
        using (var w = Writer(spec, "establishment.csv"))
        {
            w.Write("\"EstablishmentNumber\",\"StartDate\",\"EnterpriseNumber\"\n");
            for (var s = 0; s < S; s++) w.Write($"\"{estText[s]}\",{estStart[s]:dd-MM-yyyy},\"{entText[estEnt[s]]}\"\n");
            rows["establishment.csv"] = S;
        }
        Log("establishment.csv");
        using (var w = Writer(spec, "branch.csv"))
        {
            w.Write("\"Id\",\"StartDate\",\"EnterpriseNumber\"\n");
            for (var b = 0; b < B; b++) w.Write($"\"{brText[b]}\",{StartDate(rng):dd-MM-yyyy},\"{entText[brEnt[b]]}\"\n");
            rows["branch.csv"] = B;
        }
        Log("branch.csv");

        // denominations: every enterprise's name; commercial names of establishments; abbreviations and names in a
        // second language for legal persons
        using (var w = Writer(spec, "denomination.csv"))
        {
            w.Write("\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"\n");
            long n = 0;
            for (var e = 0; e < E; e++)
            {
                var lang = natural[e] ? 0 : Lang(geo, seat[e]);
                Row(w, entText[e], lang, "001", names[e]); n++;
                if (natural[e]) continue;
                if (rng.NextDouble() < 0.25) { Row(w, entText[e], lang, "002", Abbreviation(names[e])); n++; }
                if (rng.NextDouble() < 0.20) { Row(w, entText[e], lang == 1 ? 2 : 1, "001", names[e]); n++; }
            }
            for (var s = 0; s < S; s++)
                if (rng.NextDouble() < 0.50) { Row(w, estText[s], natural[estEnt[s]] ? 0 : Lang(geo, estPostcode[s]), "003", ShopName(rng)); n++; }
            for (var b = 0; b < B; b++) { Row(w, brText[b], 4, "004", $"{names[brEnt[b]]} Belgian Branch"); n++; }
            rows["denomination.csv"] = n;
        }
        Log("denomination.csv");

        using (var w = Writer(spec, "address.csv"))
        {
            w.Write("\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\"\n");
            long n = 0;
            for (var e = 0; e < E; e++)
            {
                if (seat[e] < 0) continue;
                if (seatAbroad[e]) w.Write($"\"{entText[e]}\",\"REGO\",\"Nederland\",\"Pays-Bas\",\"1012 AB\",\"Amsterdam\",\"Amsterdam\",\"Damrak\",\"Damrak\",\"{1 + rng.Next(200)}\",\"\",\"\",\n");
                else Address(w, entText[e], "REGO", geo, seat[e], rng);
                n++;
            }
            for (var s = 0; s < S; s++) { Address(w, estText[s], "BAET", geo, estPostcode[s], rng); n++; }
            for (var b = 0; b < B; b++) { Address(w, brText[b], "ABBR", geo, PickPostcode(geo, rng), rng); n++; }
            rows["address.csv"] = n;
        }
        Log("address.csv");

        using (var w = Writer(spec, "contact.csv"))
        {
            w.Write("\"EntityNumber\",\"EntityContact\",\"ContactType\",\"Value\"\n");
            long n = 0;
            for (var e = 0; e < E; e++) n += Contacts(w, entText[e], "ENT", names[e], rng, natural[e] ? 0.05 : 0.23);
            for (var s = 0; s < S; s++) n += Contacts(w, estText[s], "EST", names[estEnt[s]], rng, 0.07);
            rows["contact.csv"] = n;
        }
        Log("contact.csv");

        using (var w = Writer(spec, "activity.csv"))
        {
            w.Write("\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\"\n");
            long n = 0;
            var seen = new HashSet<(int, string, string, string)>();
            var seco = new List<int>();
            for (var e = 0; e < E; e++)
            {
                var hasMain = entMain[e] >= 0;
                seco.Clear();
                if (hasMain || rng.NextDouble() < 0.3)
                    for (var k = Secondary(rng); k > 0; k--) seco.Add(Pick(skew, rng));
                var groups = hasMain && rng.NextDouble() < 0.5 ? new[] { "001", "003" } : ["001"];
                n += Activities(w, entText[e], groups, entMain[e], seco, entStart[e].Year < 2008, nace, rng, seen);
            }
            for (var s = 0; s < S; s++)
            {
                seco.Clear();
                if (estMain[s] >= 0 || rng.NextDouble() < 0.3)
                    for (var k = Secondary(rng); k > 0; k--) seco.Add(Pick(skew, rng));
                n += Activities(w, estText[s], [rng.NextDouble() < 0.6 ? "003" : "006"], estMain[s], seco, estStart[s].Year < 2008, nace, rng, seen);
            }
            rows["activity.csv"] = n;
        }
        Log("activity.csv");
        foreach (var f in Directory.GetFiles(spec.OutDir, "*.csv")) bytes += new FileInfo(f).Length;
        return new GeneratorResult(rows, bytes);
    }

    // ---------- numbers ----------

    /// <summary>Sorted valid numbers: bodies from <paramref name="start"/> with random gaps, plus the ones to include.</summary>
    private static long[] Numbers(long count, long start, int maxStep, Random rng, HashSet<long> include)
    {
        var set = new List<long>((int)count + include.Count);
        var body = start;
        for (long i = 0; i < count; i++)
        {
            body += 1 + rng.Next(maxStep);
            set.Add(body * 100 + KboCheck.CheckDigits(body));
        }
        set.AddRange(include);
        set.Sort();
        return set.Distinct().ToArray();
    }

    private static (HashSet<long> Enterprises, HashSet<long> Establishments) Included(string? updateDir)
    {
        var (ent, est) = (new HashSet<long>(), new HashSet<long>());
        if (updateDir is null) return (ent, est);
        foreach (var spec in KboFiles.Data.Where(s => s != KboFiles.Branch))
        {
            using var r = KboCsvReader.Open(File.OpenRead(Path.Combine(updateDir, spec.DeleteFile)), spec.DeleteFile, spec.DeleteHeader);
            while (r.Read())
                if (KboValues.TryNumber(r.Field(0), out var n))
                    (KboDigits.IsEnterprise(n) ? ent : est).Add(n);
        }
        return (ent, est);
    }

    // ---------- geography ----------

    private static Geo LoadGeo(string dataDir)
    {
        var populations = ReferenceGeo.Populations2020(dataDir);
        var (current, _) = PostcodeResolver.DictionaryCodes(dataDir);   // the dictionary's pre-2019 codes → 2019 codes
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        var byNis = new Dictionary<string, Dictionary<string, (int Sectors, string Name)>>();
        var regions = new Dictionary<string, int>();
        using (var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StreamReader(Path.Combine(dataDir, ReferenceGeo.DictionaryFile), encoding)))
        {
            int pc = reader.GetOrdinal("PostCode"), nis = reader.GetOrdinal("NIS5"), name = reader.GetOrdinal("Municipality"), region = reader.GetOrdinal("NIS1");
            while (reader.Read())
            {
                var code = current(reader.GetString(nis), reader.GetString(name));
                if (code is null) continue;
                var d = byNis.TryGetValue(code, out var x) ? x : byNis[code] = [];
                var p = reader.GetString(pc);
                if (p.Length != 4) continue; // a few statistical sectors have no postcode
                d[p] = (d.GetValueOrDefault(p).Sectors + 1, reader.GetString(name));
                regions[code] = reader.GetString(region) switch { "2" => 1, "3" => 2, _ => 3 };
            }
        }
        var geo = new Geo();
        var weights = new List<double>();
        foreach (var (nis, postcodes) in byNis.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var population = populations.GetValueOrDefault(nis);
            if (population <= 0) continue;
            var sectors = postcodes.Values.Sum(v => v.Sectors);
            foreach (var (postcode, (n, name)) in postcodes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                geo.Postcodes.Add((postcode, name, regions[nis]));
                weights.Add((double)population * n / sectors);
            }
        }
        geo.Cumulative = new double[weights.Count];
        double total = 0;
        for (var i = 0; i < weights.Count; i++) geo.Cumulative[i] = total += weights[i];
        return geo;
    }

    private static int PickPostcode(Geo geo, Random rng)
    {
        var x = rng.NextDouble() * geo.Cumulative[^1];
        var i = Array.BinarySearch(geo.Cumulative, x);
        return i >= 0 ? i : Math.Min(~i, geo.Cumulative.Length - 1);
    }

    /// <summary>1 French, 2 Dutch: by the region of the postcode (Brussels mostly French).</summary>
    private static int Lang(Geo geo, int postcode) => postcode < 0 ? 2 : geo.Postcodes[postcode].Region switch
    {
        1 => 2,
        2 => 1,
        _ => (postcode * 7919 % 10) < 8 ? 1 : 2,
    };

    // ---------- NACE ----------

    private sealed class NaceCodes
    {
        public readonly List<string> Codes2008 = [];
        public readonly Dictionary<string, string> To2025 = [], To2003 = [];
        public readonly Dictionary<string, List<string>> Detail2025 = [];
    }

    private static NaceCodes LoadNace(string codesPath)
    {
        var byVersion = new Dictionary<string, SortedSet<string>> { ["Nace2003"] = new(StringComparer.Ordinal), ["Nace2008"] = new(StringComparer.Ordinal), ["Nace2025"] = new(StringComparer.Ordinal) };
        using (var r = KboCsvReader.Open(File.OpenRead(codesPath), codesPath, KboFiles.Code.Header))
            while (r.Read())
                if (byVersion.TryGetValue(r.String(0) ?? "", out var set)) set.Add(r.String(1)!);
        var nace = new NaceCodes();
        nace.Codes2008.AddRange(byVersion["Nace2008"].Where(c => c.Length == 5));
        foreach (var target in new[] { ("Nace2025", nace.To2025), ("Nace2003", nace.To2003) })
        {
            var five = byVersion[target.Item1].Where(c => c.Length == 5).ToList();
            var set = five.ToHashSet();
            foreach (var c in nace.Codes2008)
                target.Item2[c] = set.Contains(c) ? c
                    : five.FirstOrDefault(x => x[..4] == c[..4]) ?? five.FirstOrDefault(x => x[..2] == c[..2]) ?? five[0];
        }
        foreach (var c in byVersion["Nace2025"].Where(c => c.Length == 7))
            (nace.Detail2025.TryGetValue(c[..5], out var l) ? l : nace.Detail2025[c[..5]] = []).Add(c);
        return nace;
    }

    /// <summary>A Zipf-like mix over the codes in a seeded random order: a few codes are very common, most are rare.</summary>
    private static double[] Skew(int n, Random rng)
    {
        var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        var weights = new double[n];
        for (var rank = 0; rank < n; rank++) weights[order[rank]] = 1.0 / Math.Pow(rank + 1, 1.1);
        var cumulative = new double[n];
        double total = 0;
        for (var i = 0; i < n; i++) cumulative[i] = total += weights[i];
        return cumulative;
    }

    private static int Pick(double[] cumulative, Random rng)
    {
        var i = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
        return i >= 0 ? i : Math.Min(~i, cumulative.Length - 1);
    }

    private static int Secondary(Random rng) => Math.Min(30, (int)Math.Round(-Math.Log(1 - rng.NextDouble()) * MeanSecondary));

    private static long Activities(StreamWriter w, string number, string[] groups, int main, List<int> seco, bool with2003,
        NaceCodes nace, Random rng, HashSet<(int, string, string, string)> seen)
    {
        seen.Clear();
        long n = 0;
        void One(string group, string version, string code, string classification)
        {
            if (!seen.Add((0, group + version, code, classification))) return;
            w.Write($"\"{number}\",\"{group}\",\"{version}\",\"{code}\",\"{classification}\"\n");
            n++;
        }
        void All(string group, int index, string classification)
        {
            var c2008 = nace.Codes2008[index];
            if (with2003) One(group, "2003", nace.To2003[c2008], classification);
            One(group, "2008", c2008, classification);
            var c2025 = nace.To2025[c2008];
            if (rng.NextDouble() < 0.25 && nace.Detail2025.TryGetValue(c2025, out var detail)) c2025 = detail[rng.Next(detail.Count)];
            One(group, "2025", c2025, classification);
        }
        foreach (var g in groups)
        {
            if (main >= 0) All(g, main, "MAIN");
            if (g == groups[0]) foreach (var s in seco) if (s != main) All(g, s, "SECO");
        }
        return n;
    }

    // ---------- text ----------

    private static DateOnly StartDate(Random rng, DateOnly? notBefore = null)
    {
        var from = notBefore ?? new DateOnly(1960, 1, 1);
        var end = new DateOnly(2025, 9, 30);
        var span = end.DayNumber - from.DayNumber;
        return DateOnly.FromDayNumber(end.DayNumber - (int)(span * Math.Pow(rng.NextDouble(), 1.6)));
    }

    private static int PickForm(Random rng)
    {
        var x = rng.NextDouble();
        for (var i = 0; i < Forms.Length; i++)
            if ((x -= Forms[i].Weight) < 0) return i;
        return 0;
    }

    private static string PersonName(Random rng) => $"{LastNames[rng.Next(LastNames.Length)]}, {FirstNames[rng.Next(FirstNames.Length)]}";

    private static string CompanyName(Random rng, int form, int lang)
    {
        var f = Forms[form];
        var suffix = lang == 1 ? f.Fr : f.Nl;
        var core = rng.Next(5) switch
        {
            0 => $"{LastNames[rng.Next(LastNames.Length)]} & {LastNames[rng.Next(LastNames.Length)]}",
            1 => $"{Places[rng.Next(Places.Length)]} {Words[rng.Next(Words.Length)]}",
            2 => $"{Words[rng.Next(Words.Length)]} \"{Places[rng.Next(Places.Length)]}\"",
            _ => $"{Words[rng.Next(Words.Length)]} {Words[rng.Next(Words.Length)]} {Places[rng.Next(Places.Length)]}",
        };
        return $"{core} {suffix}";
    }

    private static string ShopName(Random rng) => rng.Next(3) switch
    {
        0 => $"{Words[rng.Next(Words.Length)]} {FirstNames[rng.Next(FirstNames.Length)]}",
        1 => $"Le {Words[rng.Next(Words.Length)]}, {Places[rng.Next(Places.Length)]}",
        _ => $"{Places[rng.Next(Places.Length)]} {Words[rng.Next(Words.Length)]}",
    };

    private static string Abbreviation(string name) =>
        new(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => char.IsLetter(p[0])).Select(p => char.ToUpperInvariant(p[0])).ToArray());

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

    private static void Row(StreamWriter w, string number, int lang, string type, string name) =>
        w.Write($"\"{number}\",\"{lang}\",\"{type}\",{Quote(name)}\n");

    private static readonly string[] Streets = ["Kerkstraat", "Stationsstraat", "Rue de la Station", "Dorpstraat", "Rue de l'Église", "Grand-Place", "Molenstraat", "Chaussée de Bruxelles", "Nieuwstraat", "Avenue Louise"];

    private static void Address(StreamWriter w, string number, string type, Geo geo, int postcode, Random rng)
    {
        var (code, name, _) = geo.Postcodes[postcode];
        var street = Streets[rng.Next(Streets.Length)];
        var box = rng.NextDouble() < 0.2 ? (1 + rng.Next(30)).ToString(CultureInfo.InvariantCulture) : "";
        w.Write($"\"{number}\",\"{type}\",,,\"{code}\",{Quote(name)},{Quote(name)},{Quote(street)},{Quote(street)},\"{1 + rng.Next(250)}\",\"{box}\",\"\",\n");
    }

    private static int Contacts(StreamWriter w, string number, string entity, string name, Random rng, double p)
    {
        if (rng.NextDouble() >= p) return 0;
        var slug = new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
        if (slug.Length == 0) slug = "contact";
        var n = 0;
        var kind = rng.Next(3);
        if (kind is 0 or 2) { w.Write($"\"{number}\",\"{entity}\",\"TEL\",\"0{2 + rng.Next(8)}/{rng.Next(100, 999)}.{rng.Next(10, 99)}.{rng.Next(10, 99)}\"\n"); n++; }
        if (kind is 1 or 2) { w.Write($"\"{number}\",\"{entity}\",\"EMAIL\",\"info@{slug}.be\"\n"); n++; }
        if (kind == 2) { w.Write($"\"{number}\",\"{entity}\",\"WEB\",\"www.{slug}.be\"\n"); n++; }
        return n;
    }

    private static StreamWriter Writer(GeneratorSpec spec, string file) =>
        new(Path.Combine(spec.OutDir, file), false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
}
