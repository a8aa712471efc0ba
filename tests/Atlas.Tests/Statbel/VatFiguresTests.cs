using Atlas.Model;
using Atlas.Statbel;

namespace Atlas.Tests.Statbel;

/// <summary>
/// The loaded source against a recomputation from the shipped raw rows (and against Statbel's published totals):
/// what every analysis on the Statbel data stands on.
/// </summary>
public sealed class VatFiguresTests(StatbelFixture f) : IClassFixture<StatbelFixture>
{
    private static NisCode Nis(string code) => NisCode.Parse(code);
    private static readonly NisCode Belgium = Population.Belgium;

    [Fact]
    public void The_national_total_is_the_published_one_seats_abroad_and_unknown_reported_apart()
    {
        var all = f.Sum(_ => true);
        Assert.Equal(1_010_635, all.Enterprises);
        Assert.Equal(all, f.Model.National);
        Assert.Equal((103_747, 69_421), (all.Registrations, all.Cessations));

        Assert.Equal(f.Sum(r => r.Refnis == "-----"), f.Model.Abroad);
        Assert.Equal(f.Sum(r => r.Refnis == "XXXXX"), f.Model.UnknownSeat);
        Assert.Equal((21_351, 32), (f.Model.Abroad.Enterprises, f.Model.UnknownSeat.Enterprises));
        // Belgium as an area holds the seats in its municipalities: the published total less those two
        Assert.Equal(f.Sum(StatbelFixture.InBelgium), f.Model.Total(Belgium));
        Assert.Equal(989_252, f.Model.Total(Belgium).Enterprises);
    }

    [Fact]
    public void Manufacturing_NACE_10_to_33_counts_51_822()
    {
        var raw = f.Sum(r => StatbelFixture.InDivisions(r, 10, 33));
        Assert.Equal(51_822, raw.Enterprises);
        Assert.Equal(raw, f.Model.NationalSector("C"));
        Assert.Equal(f.Sum(r => StatbelFixture.InBelgium(r) && StatbelFixture.InDivisions(r, 10, 33)), f.Model.Sector(Belgium, "C"));
    }

    [Theory]
    [InlineData("21004", new[] { "21004" }, 19_919)]           // City of Brussels
    [InlineData("11002", new[] { "11002", "11007" }, 47_077)]  // Antwerp, with Borsbeek since 1 January 2025
    [InlineData("44021", new[] { "44021" }, 26_273)]           // Ghent
    [InlineData("52011", new[] { "52011" }, 9_444)]            // Charleroi
    [InlineData("62063", new[] { "62063" }, 12_535)]           // Liège
    [InlineData("25121", new[] { "25121" }, 2_901)]            // Ottignies-Louvain-la-Neuve
    [InlineData("31005", new[] { "31005" }, 11_821)]           // Bruges
    public void Each_city_has_the_total_of_its_rows(string nis, string[] parts2019, int published)
    {
        var raw = f.Sum(r => parts2019.Contains(r.Refnis));
        Assert.Equal(published, raw.Enterprises);
        Assert.Equal(raw, f.Model.Total(Nis(nis)));
        Assert.Equal(raw.Enterprises, f.Model.ClassCounts[int.Parse(nis)].Values.Sum() + f.Model.UnknownActivity(Nis(nis)).Enterprises);
    }

    [Fact]
    public void Ghent_in_textiles_division_13_count_and_location_quotient_against_Belgium()
    {
        var ghent13 = f.Sum(r => r.Refnis == "44021" && r.Nace.StartsWith("13")).Enterprises;
        var ghentKnown = f.Sum(r => r.Refnis == "44021" && r.Nace != "XXXXX").Enterprises;
        var belgium13 = f.Sum(r => StatbelFixture.InBelgium(r) && r.Nace.StartsWith("13")).Enterprises;
        var belgiumKnown = f.Sum(r => StatbelFixture.InBelgium(r) && r.Nace != "XXXXX").Enterprises;
        var lq = (double)ghent13 / ghentKnown / ((double)belgium13 / belgiumKnown);

        Assert.Equal(41, ghent13);
        Assert.Equal(ghent13, f.Model.Sector(Nis("44021"), "13").Enterprises);
        Assert.Equal(lq, f.Model.LocationQuotient(Nis("44021"), "13")!.Value, 12);
        Assert.Equal(0.835, lq, 3); // 41 of 26,263 in Ghent against 1,849 of 989,091 in Belgium

        // the register's shape gives the same quotient: area → class → count, Belgium under 1000
        var counts = f.Model.ClassCounts;
        double Share(int area) => (double)counts[area].Where(c => c.Key / 100 == 13).Sum(c => c.Value) / counts[area].Values.Sum();
        Assert.Equal(lq, Share(44021) / Share(1000), 12);
    }

    [Fact]
    public void A_municipality_merged_on_1_January_2025_gets_the_sum_of_its_parts()
    {
        var melle = f.Sum(r => r.Refnis == "44040");
        var merelbeke = f.Sum(r => r.Refnis == "44043");
        Assert.Equal(melle + merelbeke, f.Model.Total(Nis("44088")));
        Assert.Equal(3_607, f.Model.Total(Nis("44088")).Enterprises);
        foreach (var cls in new[] { 4120, 4322, 6201, 8621 })
            Assert.Equal(f.Raw.Where(r => r.Refnis is "44040" or "44043" && r.Nace.StartsWith(cls.ToString("D4"))).Sum(r => r.Enterprises),
                f.Model.Enterprises(Nis("44088"), cls));
        Assert.DoesNotContain(Nis("44040"), f.Model.Municipalities);
        Assert.DoesNotContain(Nis("44043"), f.Model.Municipalities);
        Assert.Equal(0, f.Model.Total(Nis("44040")).Enterprises);
    }

    [Fact]
    public void The_565_municipalities_of_today_add_up_to_every_area_above_them()
    {
        Assert.Equal(565, f.Model.Municipalities.Count);
        Assert.Equal(f.Model.Total(Belgium).Enterprises, f.Model.Municipalities.Sum(m => f.Model.Total(m).Enterprises));
        var regions = new[] { "02000", "03000", "04000" }.Sum(r => f.Model.Total(Nis(r)).Enterprises);
        Assert.Equal(f.Model.Total(Belgium).Enterprises, regions);
        // Brussels-Capital: arrondissement 21000 = region 04000; the City is one of its 19 municipalities
        Assert.Equal(f.Model.Total(Nis("21000")), f.Model.Total(Nis("04000")));
        Assert.Equal(f.Sum(r => r.Refnis.StartsWith("21")), f.Model.Total(Nis("04000")));
        // the two Brabants are provinces, not municipalities
        Assert.DoesNotContain(Nis("20001"), f.Model.Municipalities);
        Assert.Equal(f.Sum(r => r.Refnis.StartsWith("25")), f.Model.Total(Nis("20002")));
    }

    [Fact]
    public void Creation_and_churn_rates_follow_their_definition()
    {
        var ghent = f.Sum(r => r.Refnis == "44021");
        var model = f.Model.Total(Nis("44021"));
        Assert.Equal((double)ghent.Registrations / (ghent.Enterprises + ghent.Cessations), model.CreationRate!.Value, 12);
        Assert.Equal((double)(ghent.Registrations + ghent.Cessations) / (ghent.Enterprises + ghent.Cessations), model.ChurnRate!.Value, 12);
        Assert.Equal(model.CreationRate!.Value + model.CessationRate!.Value, model.ChurnRate!.Value, 12);

        var it = f.Sum(r => r.Refnis == "44021" && r.Nace.StartsWith("62"));
        Assert.Equal(it, f.Model.Sector(Nis("44021"), "62"));
        Assert.Equal(f.Sum(r => r.Refnis == "44021" && r.Nace.StartsWith("620")), f.Model.Sector(Nis("44021"), "62.0"));
        Assert.Null(new VatFigures(0, 0, 0).CreationRate);

        // per class, flows included, for every class of the area
        var byClass = f.Model.ByClass(Nis("44021"));
        Assert.Equal(f.Sum(r => r.Refnis == "44021" && r.Nace.StartsWith("6201")), byClass[6201]);
        Assert.Equal(ghent.Registrations - f.Model.UnknownActivity(Nis("44021")).Registrations, byClass.Values.Sum(v => v.Registrations));
    }

    [Fact]
    public void Every_figure_says_what_it_counts_and_when()
    {
        Assert.Equal("VAT-registered enterprises by seat, 31 December 2019", f.Model.Source.Describe(Lang.En));
        Assert.Equal("entreprises assujetties à la TVA, par siège, 31 décembre 2019", f.Model.Source.Describe(Lang.Fr));
        Assert.Equal("btw-plichtige ondernemingen, per zetel, 31 december 2019", f.Model.Source.Describe(Lang.Nl));
        Assert.Equal("statbel-vat-2019", f.Model.Source.Id);
        Assert.Contains("Statbel (Directorate-general Statistics - Statistics Belgium)", f.Model.Source.Attribution);
    }

    [Fact]
    public void Labels_are_there_at_every_level_in_three_languages()
    {
        var labels = f.Model.Labels;
        Assert.Equal("Fabrication de textiles", labels.Name("13", Lang.Fr));
        Assert.Equal("Manufacture of textiles", labels.Name("13", Lang.En));
        Assert.Equal("C", labels.Find("13.92")!.Section);
        Assert.Equal("Schrijven van computerprogramma’s", labels.Name("62.01", Lang.Nl));
        // no English label for most sub-classes: the class's
        Assert.Equal(labels.Name("6201", Lang.En), labels.Name("62010", Lang.En));
        Assert.Equal((21, 88, 269, 609), (Count(NaceBelLevel.Section), Count(NaceBelLevel.Division), Count(NaceBelLevel.Group), Count(NaceBelLevel.Class)));
        Assert.Equal("C", f.Model.SectionOfDivision[13]);

        int Count(NaceBelLevel level) => labels.All.Count(l => l.Level == level);
    }

    [Fact]
    public void The_store_gives_back_what_the_files_hold()
    {
        var fromFiles = VatEnterprises.From(Atlas.Data.Validator.Run(TestPaths.DataDir).Data.Statbel!);
        Assert.Equal(fromFiles.National, f.Model.National);
        Assert.Equal(fromFiles.ClassCounts.Count, f.Model.ClassCounts.Count);
        foreach (var (area, classes) in fromFiles.ClassCounts)
            Assert.Equal(classes.OrderBy(c => c.Key), f.Model.ClassCounts[area].OrderBy(c => c.Key));
        Assert.Equal(fromFiles.Labels.All.Count, f.Model.Labels.All.Count);
        Assert.Equal(fromFiles.Population.Municipalities.Count, f.Model.Population.Municipalities.Count);
    }
}
