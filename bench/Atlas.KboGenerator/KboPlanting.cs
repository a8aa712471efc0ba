using Atlas.Model;

namespace Atlas.KboGenerator;

/// <summary>
/// An activity planted in a generated dump: an enterprise seated at a postcode with <paramref name="Establishments"/>
/// establishment units there, all with the MAIN activity <paramref name="Nace2008"/> (a five-digit NACE-BEL 2008 code).
/// </summary>
public sealed record PlantedActivity(string Name, string Postcode, string Locality, string Nace2008, int Establishments);

/// <summary>
/// Plants known truth in a generated dump, so that a test knows the answer: each planted activity is appended as the
/// KBO Open Data writes it (the dump's rows stay valid; the import does not need them sorted). Enterprise numbers are
/// drawn from bodies 5,000,000 up and establishment numbers from 30,000,000 up, clear of the generator's own.
/// </summary>
public static class KboPlanting
{
    /// <summary>Appends the planted activities to the dump; returns each one's enterprise number (0500.000.0xx), in order.</summary>
    public static IReadOnlyList<string> Plant(string dumpDir, IEnumerable<PlantedActivity> plants)
    {
        var numbers = new List<string>();
        var (enterprise, establishment) = (5_000_000L, 30_000_000L);
        var files = new Dictionary<string, List<string>>();
        void Add(string file, string line) => (files.TryGetValue(file, out var l) ? l : files[file] = []).Add(line);
        string Address(string number, string type, string postcode, string locality, int house) =>
            $"\"{number}\",\"{type}\",,,\"{postcode}\",\"{locality}\",\"{locality}\",\"Rue du Test\",\"Teststraat\",\"{house}\",\"\",\"\",";
        foreach (var p in plants)
        {
            var firm = Number(enterprise++);
            numbers.Add(firm);
            Add("enterprise.csv", $"\"{firm}\",\"AC\",\"000\",\"2\",\"014\",,01-03-2001");
            Add("denomination.csv", $"\"{firm}\",\"1\",\"001\",\"{p.Name}\"");
            Add("address.csv", Address(firm, "REGO", p.Postcode, p.Locality, 1));
            Add("activity.csv", $"\"{firm}\",\"001\",\"2008\",\"{p.Nace2008}\",\"MAIN\"");
            for (var i = 0; i < p.Establishments; i++)
            {
                var unit = Number(establishment++);
                Add("establishment.csv", $"\"{unit}\",01-01-2005,\"{firm}\"");
                Add("address.csv", Address(unit, "BAET", p.Postcode, p.Locality, i + 2));
                Add("activity.csv", $"\"{unit}\",\"003\",\"2008\",\"{p.Nace2008}\",\"MAIN\"");
            }
        }
        foreach (var (file, lines) in files)
            File.AppendAllText(Path.Combine(dumpDir, file), string.Concat(lines.Select(l => l + "\n")));
        return numbers;
    }

    private static string Number(long body) => KboDigits.Format(body * 100 + KboCheck.CheckDigits(body));
}
