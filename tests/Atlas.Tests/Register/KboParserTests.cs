using System.Text;
using Atlas.Model;
using Atlas.Register;

namespace Atlas.Tests.Register;

/// <summary>The KBO CSV format as the Cookbook defines it, on the real update extract 147 and on broken bytes.</summary>
public class KboParserTests
{
    public static string Extract147 => Path.Combine(TestPaths.FixturesDir, "kbo", "KboOpenData_0147_2025_10_12_Update");

    private static KboCsvReader Reader(string text, string[] header, int bufferSize = 1 << 20) =>
        KboCsvReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.csv", header, bufferSize);

    [Fact]
    public void The_real_update_extract_is_read_with_its_meta()
    {
        using var extract = KboExtract.Open(Extract147);
        Assert.Equal(ExtractType.Update, extract.Meta.Type);
        Assert.Equal(147, extract.Meta.Number);
        Assert.Equal(new DateOnly(2025, 10, 11), extract.Meta.SnapshotDate);
        Assert.Empty(extract.MissingFiles());
    }

    [Fact]
    public void Every_row_of_every_file_of_extract_147_parses()
    {
        using var extract = KboExtract.Open(Extract147);
        var counts = new Dictionary<string, int>();
        foreach (var spec in KboFiles.Data)
        {
            foreach (var file in new[] { spec.DeleteFile, spec.InsertFile })
            {
                var header = file.EndsWith("_delete.csv") ? spec.DeleteHeader : spec.Header;
                using var r = extract.OpenCsv(file, header);
                var n = 0;
                while (r.Read())
                {
                    string error;
                    var ok = file.EndsWith("_delete.csv") ? KboRows.TryDeleteKey(r, spec, out _, out error)
                        : spec.Name switch
                        {
                            "enterprise" => KboRows.TryEnterprise(r, out _, out error),
                            "establishment" => KboRows.TryEstablishment(r, out _, out error),
                            "branch" => KboRows.TryBranch(r, out _, out error),
                            "denomination" => KboRows.TryDenomination(r, out _, out error),
                            "address" => KboRows.TryAddress(r, out _, out error),
                            "contact" => KboRows.TryContact(r, out _, out error),
                            _ => KboRows.TryActivity(r, out _, out error),
                        };
                    Assert.True(ok, $"{r.Display}:{r.Line}: {error}");
                    n++;
                }
                counts[file] = n;
            }
        }
        // line counts of the files minus their header
        Assert.Equal(425, counts["activity_insert.csv"]);
        Assert.Equal(42, counts["activity_delete.csv"]);
        Assert.Equal(68, counts["address_insert.csv"]);
        Assert.Equal(28, counts["enterprise_insert.csv"]);
        Assert.Equal(162, counts["enterprise_delete.csv"]);
        Assert.Equal(22, counts["establishment_insert.csv"]);
        Assert.Equal(0, counts["branch_insert.csv"]);
    }

    [Fact]
    public void Values_are_typed_as_the_cookbook_says()
    {
        using var extract = KboExtract.Open(Extract147);
        using (var r = extract.OpenCsv("enterprise_insert.csv", KboFiles.Enterprise.Header))
        {
            Assert.True(r.Read());
            Assert.True(KboRows.TryEnterprise(r, out var e, out var error), error);
            Assert.Equal(552627113, e.Number);
            Assert.Equal("0552.627.113", KboDigits.Format(e.Number));
            Assert.Equal("AC", e.Status);
            Assert.Equal("000", e.JuridicalSituation);
            Assert.Equal("1", e.TypeOfEnterprise);
            Assert.Null(e.JuridicalForm);               // nothing between the commas
            Assert.Equal(new DateOnly(2025, 9, 15), e.StartDate);
            Assert.Equal(2, r.Line);
        }
        using (var r = extract.OpenCsv("activity_insert.csv", KboFiles.Activity.Header))
        {
            Assert.True(r.Read());
            Assert.True(KboRows.TryActivity(r, out var a, out var error), error);
            Assert.Equal(411104014, a.Entity);
            Assert.Equal(6, a.Group);
            Assert.Equal(2025, a.NaceVersion);
            Assert.Equal("90201", a.Nace.ToString());
            Assert.Equal(9020, a.Nace.Class);
            Assert.Equal(Classification.Main, a.Classification);
        }
        using (var r = extract.OpenCsv("establishment_insert.csv", KboFiles.Establishment.Header))
        {
            Assert.True(r.Read());
            Assert.True(KboRows.TryEstablishment(r, out var e, out var error), error);
            Assert.Equal("2.190.171.611", KboDigits.Format(e.Number));
            Assert.True(EstablishmentNumber.TryFromDigits(e.Number, out _));
            Assert.Equal(859001118, e.Enterprise);
        }
        using (var r = extract.OpenCsv("address_insert.csv", KboFiles.Address.Header))
        {
            Assert.True(r.Read());
            Assert.True(KboRows.TryAddress(r, out var a, out var error), error);
            Assert.Equal("REGO", a!.Type);
            Assert.True(a.InBelgium);
            Assert.Equal("2000", a.Zipcode);
            Assert.Equal("Leuvenstraat", a.StreetNl);
            Assert.Null(a.ExtraAddressInfo);            // "" is empty too
            Assert.Null(a.DateStrikingOff);
        }
    }

    [Fact]
    public void Quotes_commas_and_line_feeds_inside_text_are_kept()
    {
        var header = new[] { "EntityNumber", "Language", "TypeOfDenomination", "Denomination" };
        using var r = Reader("\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"\n" +
                             "\"0202.239.951\",\"2\",\"001\",\"Proximus, \"\"the\"\" company\"\n" +
                             "\"0202.239.951\",\"1\",\"001\",\"two\nlines\"\r\n" +
                             "\"0202.239.951\",\"1\",\"001\",\"Société générale é\"\n", header);
        Assert.True(r.Read());
        Assert.Equal("Proximus, \"the\" company", r.String(3));
        Assert.Equal(2, r.Line);
        Assert.True(r.Read());
        Assert.Equal("two\nlines", r.String(3));
        Assert.Equal(3, r.Line);
        Assert.True(r.Read());
        Assert.Equal(5, r.Line);                           // the previous row took two lines
        Assert.Equal("Société générale é", r.String(3));
        Assert.False(r.Read());
    }

    [Fact]
    public void Rows_that_straddle_the_buffer_are_read_whole()
    {
        var header = new[] { "EntityNumber", "Language", "TypeOfDenomination", "Denomination" };
        var sb = new StringBuilder("\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"\n");
        for (var i = 0; i < 500; i++) sb.Append($"\"0202.239.951\",\"1\",\"001\",\"Name \"\"{i}\"\" {new string('x', i % 37)}\"\n");
        using var r = Reader(sb.ToString(), header, bufferSize: 64);
        var n = 0;
        while (r.Read())
        {
            Assert.Null(r.RowError);
            Assert.Equal($"Name \"{n}\" {new string('x', n % 37)}", r.String(3));
            Assert.Equal(n + 2, r.Line);
            n++;
        }
        Assert.Equal(500, n);
    }

    [Theory]
    [InlineData("\"0202.239.951\",\"1\",\"001\"\n", "expected 4 fields, found 3")]
    [InlineData("\"0202.239.951\",\"1\",\"001\",\"a\",\"b\"\n", "expected 4 fields, found 5")]
    [InlineData("\"0202.239.951\",\"1\",\"001\",Bad \"quote\"\n", "has a quote but does not start with one")]
    [InlineData("\"0202.239.951\",\"1\",\"001\",\"closed\"then\n", "text after its closing quote")]
    public void A_malformed_row_is_reported_with_its_line_and_reading_goes_on(string row, string problem)
    {
        var header = new[] { "EntityNumber", "Language", "TypeOfDenomination", "Denomination" };
        using var r = Reader("\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"\n" +
                             "\"0202.239.951\",\"1\",\"001\",\"good\"\n" + row +
                             "\"0202.239.951\",\"1\",\"001\",\"after\"\n", header);
        Assert.True(r.Read());
        Assert.Null(r.RowError);
        Assert.True(r.Read());
        Assert.Equal(3, r.Line);
        Assert.Contains(problem, r.RowError);
        Assert.False(KboRows.TryDenomination(r, out _, out var error));
        Assert.Contains(problem, error);
        Assert.True(r.Read());
        Assert.Null(r.RowError);
        Assert.Equal("after", r.String(3));
    }

    [Theory]
    [InlineData("\"0202.239.952\",\"2008\"", "fails the mod-97 check")]
    [InlineData("\"0202.239\",\"2008\"", "is not an entity number")]
    public void Numbers_are_checked(string start, string problem)
    {
        var header = KboFiles.Activity.Header;
        using var r = Reader("\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\"\n" +
                             start.Replace(",\"2008\"", ",\"001\",\"2008\",\"62010\",\"MAIN\"") + "\n", header);
        Assert.True(r.Read());
        Assert.False(KboRows.TryActivity(r, out _, out var error));
        Assert.Contains(problem, error);
    }

    [Theory]
    [InlineData("\"0202.239.951\",\"001\",\"2009\",\"62010\",\"MAIN\"", "NaceVersion '2009'")]
    [InlineData("\"0202.239.951\",\"001\",\"2008\",\"62A10\",\"MAIN\"", "NaceCode '62A10'")]
    [InlineData("\"0202.239.951\",\"001\",\"2008\",\"62010\",\"MAJOR\"", "Classification 'MAJOR'")]
    [InlineData("\"0202.239.951\",\"1\",\"2008\",\"62010\",\"MAIN\"", "ActivityGroup '1'")]
    public void Codes_are_checked(string row, string problem)
    {
        using var r = Reader("\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\"\n" + row + "\n", KboFiles.Activity.Header);
        Assert.True(r.Read());
        Assert.False(KboRows.TryActivity(r, out _, out var error));
        Assert.Contains(problem, error);
    }

    [Theory]
    [InlineData("31-02-2020")]
    [InlineData("2020-02-01")]
    [InlineData("1-2-2020")]
    public void Dates_are_dd_mm_yyyy(string date)
    {
        using var r = Reader($"\"EstablishmentNumber\",\"StartDate\",\"EnterpriseNumber\"\n\"2.190.171.611\",{date},\"0859.001.118\"\n", KboFiles.Establishment.Header);
        Assert.True(r.Read());
        Assert.False(KboRows.TryEstablishment(r, out _, out var error));
        Assert.Contains("is not a date written dd-mm-yyyy", error);
    }

    [Fact]
    public void A_wrong_header_makes_the_file_unusable()
    {
        var e = Assert.Throws<KboFormatException>(() =>
            Reader("\"EntityNumber\",\"Group\",\"NaceVersion\",\"NaceCode\",\"Classification\"\n", KboFiles.Activity.Header));
        Assert.StartsWith("test.csv:1: the header is", e.Message);
        Assert.Contains("\"ActivityGroup\"", e.Message);
    }

    [Theory]
    [InlineData("\"0202.239.951\",\"001\",\"2008\",\"62010\",\"MA")]       // cut inside a quoted field
    [InlineData("\"0202.239.951\",\"001\",\"2008\",\"62010\",\"MAIN\"")]   // no final line feed
    [InlineData("\"0202.239.951\",\"001\",\"20")]
    public void A_truncated_file_is_refused_at_its_last_line(string lastRow)
    {
        using var r = Reader("\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\"\n" +
                             "\"0202.239.951\",\"001\",\"2008\",\"62010\",\"MAIN\"\n" + lastRow, KboFiles.Activity.Header);
        Assert.True(r.Read());
        var e = Assert.Throws<KboFormatException>(() => r.Read());
        Assert.StartsWith("test.csv:3: the file ends in the middle of a row: it is truncated", e.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var e = Assert.Throws<KboFormatException>(() => Reader("", KboFiles.Activity.Header));
        Assert.Contains("the file is empty", e.Message);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("\"Variable\",\"Value\"\r\n\"ExtractNumber\",\"147\"\r\n")).ToArray();
        using var r = KboCsvReader.Open(new MemoryStream(bytes), "meta.csv", KboFiles.Meta.Header);
        Assert.True(r.Read());
        Assert.Null(r.RowError);
        Assert.Equal("147", r.String(1));
        Assert.False(r.Read());
    }

    [Fact]
    public void Establishment_numbers_are_checked_like_enterprise_numbers()
    {
        Assert.True(EstablishmentNumber.TryParse("2.190.171.611", out var n, out _));
        Assert.Equal("2.190.171.611", n.ToString());
        Assert.False(EstablishmentNumber.TryParse("2.190.171.612", out _, out var error));
        Assert.Contains("mod-97", error);
        Assert.False(EstablishmentNumber.TryParse("0202.239.951", out _, out error));
        Assert.Contains("starts with 2 to 8", error);
        // a branch's Id passes the mod-97 check but is no establishment unit, as TryFromDigits says too
        Assert.False(EstablishmentNumber.TryParse("9.000.000.191", out _, out error));
        Assert.Contains("starts with 2 to 8", error);
        Assert.False(EstablishmentNumber.TryFromDigits(9000000191, out _));
    }
}
