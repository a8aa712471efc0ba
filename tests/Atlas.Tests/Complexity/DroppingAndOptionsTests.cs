using Atlas.Analytics.Complexity;

namespace Atlas.Tests.Complexity;

/// <summary>Rows and columns that cannot take part, the threshold, and input the computation refuses.</summary>
public class DroppingAndOptionsTests
{
    private static ActivityMatrix Matrix(string[] regions, string[] activities, double[,] values) => new(regions, activities, values);

    private static void SameMeasures(ComplexityResult expected, ComplexityResult actual)
    {
        Assert.Equal(expected.Regions, actual.Regions);
        Assert.Equal(expected.Activities, actual.Activities);
        for (var c = 0; c < expected.Regions.Count; c++)
        {
            Assert.Equal(expected.Eci[c], actual.Eci[c], 1e-12);
            Assert.Equal(expected.Coi[c], actual.Coi[c], 1e-12);
            for (var p = 0; p < expected.Activities.Count; p++)
            {
                Assert.Equal(expected.Rca[c, p], actual.Rca[c, p], 1e-12);
                Assert.Equal(expected.Density[c, p], actual.Density[c, p], 1e-12);
                Assert.Equal(expected.Cog[c, p], actual.Cog[c, p], 1e-12);
            }
        }
    }

    [Fact]
    public void Zero_rows_and_columns_are_dropped_and_reported()
    {
        // The hand-worked matrix with an empty region E and an empty activity p5 added in the middle.
        var padded = Matrix(["A", "E", "B", "C", "D"], ["p1", "p2", "p5", "p3", "p4"], new double[,]
        {
            { 5, 3, 0, 2, 0 },
            { 0, 0, 0, 0, 0 },
            { 6, 4, 0, 0, 0 },
            { 5, 0, 0, 1, 4 },
            { 0, 1, 0, 1, 8 },
        });
        var result = EconomicComplexity.Compute(padded);
        Assert.Equal(
            [new DroppedItem(DroppedKind.Region, "E", DropReason.ZeroTotal), new DroppedItem(DroppedKind.Activity, "p5", DropReason.ZeroTotal)],
            result.Dropped);
        Assert.Equal(-1, result.RegionIndex("E"));
        Assert.Equal(-1, result.ActivityIndex("p5"));
        SameMeasures(EconomicComplexity.Compute(HandWorkedTests.Toy()), result);
        Assert.Equal("region 'E': every value is zero", result.Dropped[0].ToString());
    }

    [Fact]
    public void A_region_with_nothing_present_is_dropped_but_still_counts_in_the_rca_of_the_others()
    {
        // E = (4, 2, 1, 3) has exactly the whole's mix: RCA 1 everywhere, so nothing is present (RCA > 1). Adding it
        // scales every total by 5/4 and leaves the other regions' RCA as they were.
        var withE = Matrix(["A", "B", "C", "D", "E"], ["p1", "p2", "p3", "p4"], new double[,]
        {
            { 5, 3, 2, 0 },
            { 6, 4, 0, 0 },
            { 5, 0, 1, 4 },
            { 0, 1, 1, 8 },
            { 4, 2, 1, 3 },
        });
        var result = EconomicComplexity.Compute(withE);
        Assert.Equal([new DroppedItem(DroppedKind.Region, "E", DropReason.NothingPresent)], result.Dropped);
        SameMeasures(EconomicComplexity.Compute(HandWorkedTests.Toy()), result);
        Assert.Contains("no activity has an RCA above the threshold", result.Dropped[0].ToString());
    }

    [Fact]
    public void The_threshold_decides_presence_strictly()
    {
        // RCA of the hand-worked matrix: A 1.25 1.5 2 0 | B 1.5 2 0 0 | C 1.25 0 1 1.33 | D 0 0.5 1 2.67.
        // At 0.9 the two cells at exactly 1 (C and D in p3) become present.
        var low = EconomicComplexity.Compute(HandWorkedTests.Toy(), new ComplexityOptions { Threshold = 0.9 });
        Assert.Equal([3, 2, 3, 2], low.Diversity);
        Assert.Equal([3, 2, 3, 2], low.Ubiquity);
        Assert.True(low.IsPresent(2, 2) && low.IsPresent(3, 2));

        // At 1.3: A loses p1 (1.25), C loses p1 (1.25); C keeps p4 (4/3).
        var high = EconomicComplexity.Compute(HandWorkedTests.Toy(), new ComplexityOptions { Threshold = 1.3 });
        Assert.Equal([2, 2, 1, 1], high.Diversity);
        Assert.Equal([1, 2, 1, 2], high.Ubiquity);
        Assert.False(high.IsPresent(0, 0));
        Assert.Equal(HandWorkedTests.Toy()[0, 0] / 10 / (16.0 / 40), high.Rca[0, 0], 1e-12); // RCA does not depend on it
    }

    [Fact]
    public void A_high_threshold_drops_activities_present_nowhere()
    {
        // Above 2 only D p4 (8/3) is present (A p3 and B p2 are exactly 2): one region, one activity, too few.
        var error = Assert.Throws<ArgumentException>(() =>
            EconomicComplexity.Compute(HandWorkedTests.Toy(), new ComplexityOptions { Threshold = 2 }));
        Assert.Contains("at least two", error.Message);

        // Above 1.6: A has p3 (2), B p2 (2), D p4 (8/3); C has nothing (1.25, 1, 4/3) and p1 is nowhere (at most 1.5).
        var result = EconomicComplexity.Compute(HandWorkedTests.Toy(), new ComplexityOptions { Threshold = 1.6 });
        Assert.Contains(new DroppedItem(DroppedKind.Activity, "p1", DropReason.NothingPresent), result.Dropped);
        Assert.Contains(new DroppedItem(DroppedKind.Region, "C", DropReason.NothingPresent), result.Dropped);
        Assert.Equal(["A", "B", "D"], result.Regions);
        Assert.Equal(["p2", "p3", "p4"], result.Activities);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_threshold_that_is_not_a_number_zero_or_more_is_refused(double threshold)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            EconomicComplexity.Compute(HandWorkedTests.Toy(), new ComplexityOptions { Threshold = threshold }));
        Assert.Contains("threshold", error.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Negative_or_non_finite_values_are_refused_with_the_cell_named(double bad)
    {
        var error = Assert.Throws<ArgumentException>(() => Matrix(["A", "B"], ["p", "q"], new double[,] { { 1, 2 }, { bad, 3 } }));
        Assert.Contains("region 'B', activity 'p'", error.Message);
    }

    [Fact]
    public void Names_must_be_distinct_and_match_the_values()
    {
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => Matrix(["A", "A"], ["p", "q"], new double[2, 2])).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Matrix(["A", " "], ["p", "q"], new double[2, 2])).Message);
        Assert.Contains("2 × 3", Assert.Throws<ArgumentException>(() => Matrix(["A", "B"], ["p", "q"], new double[2, 3])).Message);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() =>
            ActivityMatrix.FromCells([("A", "p", 1), ("B", "q", 2), ("A", "p", 3)])).Message);
    }

    [Fact]
    public void Long_cells_fill_missing_combinations_with_zero()
    {
        var matrix = ActivityMatrix.FromCells([("A", "p", 1), ("B", "q", 2), ("A", "q", 3)]);
        Assert.Equal(["A", "B"], matrix.Regions);
        Assert.Equal(["p", "q"], matrix.Activities);
        Assert.Equal(0, matrix[1, 0]);
        Assert.Equal(3, matrix[0, 1]);
    }

    [Fact]
    public void Matrices_that_cannot_give_a_complexity_are_refused_with_the_reason()
    {
        Assert.Contains("every value is zero", Assert.Throws<ArgumentException>(() =>
            EconomicComplexity.Compute(Matrix(["A", "B"], ["p", "q"], new double[2, 2]))).Message);
        Assert.Contains("at least two", Assert.Throws<ArgumentException>(() =>
            EconomicComplexity.Compute(Matrix(["A"], ["p", "q"], new double[,] { { 1, 2 } }))).Message);
        // With threshold 0 every positive value is present: all regions have everything, and ECI is undefined.
        Assert.Contains("ECI is undefined", Assert.Throws<ArgumentException>(() =>
            EconomicComplexity.Compute(Matrix(["A", "B", "C"], ["p", "q", "r"], new double[,] { { 1, 2, 3 }, { 3, 2, 1 }, { 2, 2, 2 } }),
                new ComplexityOptions { Threshold = 0 })).Message);
    }
}
