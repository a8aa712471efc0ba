using System.Globalization;
using Atlas.Data;
using Atlas.Register;
using Atlas.Text;

namespace Atlas.Tests.Register;

/// <summary>
/// The postcode resolver against a second source, the geocoded bpost localities (spatie/belgian-cities-geocoded):
/// it places the postcodes the statistical dictionary lacks, offers the municipality of a locality the dictionary
/// puts elsewhere, and agrees with the localities' list on the postcodes of the 2019 mergers, which the resolver
/// maps from the older dictionary with its own table.
/// </summary>
public class PostcodeGeometryTests
{
    private static readonly Lazy<PostcodeResolver> Resolver = new(() => PostcodeResolver.Load(TestPaths.DataDir));

    [Theory]
    [InlineData("3941", 72038)]   // Eksel, in Hechtel-Eksel
    [InlineData("5589", 91114)]   // Jemelle, in Rochefort
    [InlineData("3831", 73098)]   // Herten, in Wellen
    [InlineData("3668", 71002)]   // Niel-bij-As, in As
    [InlineData("6704", 81001)]   // Guirsch, in Arlon
    [InlineData("6706", 81001)]   // Autelbas, in Arlon
    public void A_postcode_the_dictionary_lacks_is_placed_where_its_locality_lies(string postcode, int nis)
    {
        Assert.Equal(nis, Resolver.Value.Resolve(postcode));
    }

    [Fact]
    public void A_postcode_of_localities_in_two_municipalities_follows_the_address_name()
    {
        var resolver = Resolver.Value;
        // 5621: Hanzinelle, Morialmé and Thy-le-Baudouin lie in Florennes, Hanzinne in Gerpinnes
        Assert.Equal([93022, 52025], resolver.Candidates(5621));
        Assert.Equal(93022, resolver.Resolve("5621"));
        Assert.Equal(52025, resolver.Resolve("5621", null, "Gerpinnes"));
        // 9921 Vinderhoute is in Ghent; the dictionary gives the postcode to Lievegem only, which stays the default
        Assert.Equal(44085, resolver.Resolve("9921"));
        Assert.Equal(44021, resolver.Resolve("9921", "Gent", "Gand"));
    }

    [Fact]
    public void The_postcodes_of_the_2019_mergers_resolve_to_the_merged_municipality()
    {
        // the localities' list names each 2019 merger on one row with all its postcodes: "2870,2890","Puurs-Sint-Amands"
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, n) in ReferenceGeo.MunicipalityNames(TestPaths.DataDir))
        {
            byName.TryAdd(TextFolding.Fold(n.Nl), code);
            byName.TryAdd(TextFolding.Fold(n.Fr), code);
        }
        var mergers = ReferenceGeo.MergerMap(TestPaths.DataDir);
        var checkedPostcodes = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.DataDir, ReferenceGeo.GeocodedPostcodesFile)).Skip(1))
        {
            if (!line.StartsWith('"')) continue;
            var postcodes = line[1..line.IndexOf('"', 1)].Split(',');
            var name = line.Split("\",\"")[1].Split('"')[0];
            var code = byName[TextFolding.Fold(name)];
            var expected = int.Parse(mergers.GetValueOrDefault(code, code), CultureInfo.InvariantCulture);
            foreach (var postcode in postcodes)
            {
                Assert.True(expected == Resolver.Value.Resolve(postcode), $"{postcode} ({name}): expected {expected}, resolved {Resolver.Value.Resolve(postcode)}");
                checkedPostcodes.Add(postcode);
            }
        }
        // Puurs-Sint-Amands, Oudsbergen, Pelt, Kruisem, Deinze, Aalter and Lievegem: the seven mergers of 2019
        Assert.Equal(15, checkedPostcodes.Count);
    }
}
