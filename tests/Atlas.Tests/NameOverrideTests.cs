using Atlas.Data;
using Atlas.Model;

namespace Atlas.Tests;

/// <summary>
/// data/name-overrides.yaml: each override fixes a name the reference files give wrong, and each has its test here,
/// so that a new reference file that fixes the slip (the override's 'replaces' no longer matching) shows up.
/// </summary>
public class NameOverrideTests
{
    private static readonly AtlasData Data = Validator.Run(TestPaths.DataDir).Data;

    private static Place Municipality(string nis) =>
        Data.Places.Single(p => p.PlaceKind == PlaceKind.Municipality && p.Nis.ToString() == nis);

    [Theory]
    [InlineData("25031", "nl", "Genepiën", "Genepien")]                 // Genappe: the diaeresis REFNIS drops
    [InlineData("55004", "nl", "'s-Gravenbrakel", "'s Gravenbrakel")]   // Braine-le-Comte: the hyphen REFNIS drops
    [InlineData("82039", "nl", "Bastenaken", null)]                     // Bastogne merged in 2025 lost its Dutch name
    [InlineData("63049", "de", "Malmedy", null)]                        // official German name (facilities)
    [InlineData("63080", "de", "Weismes", null)]                        // Waimes: official German name (facilities)
    public void Each_override_gives_the_official_name(string nis, string lang, string expected, string? refnisSlip)
    {
        Langs.TryParse(lang, out var l);
        Assert.Equal(expected, Municipality(nis).Names.Exact(l));
        Assert.True(NameOverrides.Read(Path.Combine(TestPaths.DataDir, NameOverrides.FileName)).ContainsKey(nis));
        if (refnisSlip is not null)
        {
            // the reference file still has the slip, so the override is still needed
            var refnis = ReferenceGeo.MunicipalityNames(TestPaths.DataDir);
            Assert.Equal(refnisSlip, refnis[nis].Nl);
        }
    }

    [Fact]
    public void Every_override_in_the_file_is_tested()
    {
        var tested = new[] { "25031", "55004", "82039", "63049", "63080" };
        Assert.Equal(tested.Order(), NameOverrides.Read(Path.Combine(TestPaths.DataDir, NameOverrides.FileName)).Keys.Order());
    }

    [Fact]
    public void German_names_exist_only_where_they_are_official()
    {
        var german = Data.Places.Where(p => p.PlaceKind == PlaceKind.Municipality && p.Names.Exact(Lang.De) is not null)
            .Select(p => p.Nis.ToString()).ToHashSet();
        Assert.True(german.SetEquals(NameOverrides.OfficialGerman), string.Join(", ", german.Order()));
        Assert.Equal("Sankt Vith", Municipality("63067").Names.Exact(Lang.De));
        Assert.Equal("Weismes", Municipality("63080").Names.Exact(Lang.Nl));
    }
}
