using Atlas.Model;

namespace Atlas.Tests.Register;

/// <summary>
/// Real register records added to a generated dump: Proximus and UCB (with their real enterprise numbers and seats, as
/// the public KBO search shows them) and a textile firm with workshops in Ghent. Shared by the API and browser tests.
/// </summary>
public static class RegisterTestRecords
{
    public const string ProximusEstablishment = "2.199.999.986";   // 21999999, check 86
    public const int TextileWorkshops = 40;

    /// <summary>Appends the records to the dump at <paramref name="dump"/>.</summary>
    public static void Append(string dump)
    {
        void Append(string file, params string[] lines) => File.AppendAllText(Path.Combine(dump, file), string.Join("", lines.Select(l => l + "\n")));
        Append("enterprise.csv",
            "\"0202.239.951\",\"AC\",\"000\",\"2\",\"014\",,01-01-1930",
            "\"0403.053.608\",\"AC\",\"000\",\"2\",\"014\",,18-01-1928");
        Append("establishment.csv", $"\"{ProximusEstablishment}\",01-06-1998,\"0202.239.951\"");
        Append("denomination.csv",
            "\"0202.239.951\",\"1\",\"001\",\"Proximus\"",
            "\"0202.239.951\",\"2\",\"001\",\"Proximus\"",
            "\"0202.239.951\",\"1\",\"002\",\"PXS\"",
            "\"0403.053.608\",\"1\",\"001\",\"UCB\"",
            $"\"{ProximusEstablishment}\",\"1\",\"003\",\"Proximus Shop Bruxelles Centre\"");
        Append("address.csv",
            "\"0202.239.951\",\"REGO\",,,\"1030\",\"Schaarbeek\",\"Schaerbeek\",\"Koning Albert II-laan\",\"Boulevard du Roi Albert II\",\"27\",\"\",\"\",",
            "\"0403.053.608\",\"REGO\",,,\"1070\",\"Anderlecht\",\"Anderlecht\",\"Researchdreef\",\"Allée de la Recherche\",\"60\",\"\",\"\",",
            $"\"{ProximusEstablishment}\",\"BAET\",,,\"1000\",\"Brussel\",\"Bruxelles\",\"Nieuwstraat\",\"Rue Neuve\",\"1\",\"\",\"\",");
        Append("activity.csv",
            "\"0202.239.951\",\"001\",\"2008\",\"61100\",\"MAIN\"",
            "\"0202.239.951\",\"001\",\"2025\",\"61100\",\"MAIN\"",
            "\"0202.239.951\",\"001\",\"2008\",\"61200\",\"SECO\"",
            "\"0403.053.608\",\"001\",\"2008\",\"21100\",\"MAIN\"",
            "\"0403.053.608\",\"001\",\"2025\",\"21100\",\"MAIN\"",
            $"\"{ProximusEstablishment}\",\"003\",\"2008\",\"47420\",\"MAIN\"",
            $"\"{ProximusEstablishment}\",\"003\",\"2025\",\"47400\",\"MAIN\"");

        // a textile firm with 40 workshops in Ghent (9000): Ghent's textile claim then has strong evidence
        var firm = KboDigits.Format(4000000L * 100 + KboCheck.CheckDigits(4000000));
        Append("enterprise.csv", $"\"{firm}\",\"AC\",\"000\",\"2\",\"014\",,01-03-1950");
        Append("denomination.csv", $"\"{firm}\",\"2\",\"001\",\"Gentse Textielfabriek\"");
        Append("address.csv", $"\"{firm}\",\"REGO\",,,\"9000\",\"Gent\",\"Gand\",\"Dok Noord\",\"Dok Noord\",\"4\",\"\",\"\",");
        Append("activity.csv", $"\"{firm}\",\"001\",\"2008\",\"13200\",\"MAIN\"");
        for (var i = 0; i < TextileWorkshops; i++)
        {
            var body = 21999900L + i;
            var number = KboDigits.Format(body * 100 + KboCheck.CheckDigits(body));
            Append("establishment.csv", $"\"{number}\",01-01-2001,\"{firm}\"");
            Append("address.csv", $"\"{number}\",\"BAET\",,,\"9000\",\"Gent\",\"Gand\",\"Dok Noord\",\"Dok Noord\",\"{i + 1}\",\"\",\"\",");
            Append("activity.csv", $"\"{number}\",\"003\",\"2008\",\"{(i % 2 == 0 ? "13200" : "14130")}\",\"MAIN\"");
        }
    }
}
