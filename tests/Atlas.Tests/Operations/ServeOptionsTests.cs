namespace Atlas.Tests.Operations;

/// <summary>The operations options of `atlas serve` refuse what they cannot use before anything starts.</summary>
[Collection(CliTests.Name)]
public class ServeOptionsTests
{
    [Theory]
    [InlineData("--log-format", "xml", "'xml' not recognized")]
    [InlineData("--robots", "/no/such/robots.txt", "--robots /no/such/robots.txt")]
    [InlineData("--rate-limit", "-5", "--rate-limit")]
    [InlineData("--trusted-proxy", "proxy.example", "--trusted-proxy proxy.example is not an IP address")]
    public async Task A_bad_value_is_refused_with_its_reason(string option, string value, string message)
    {
        var (code, _, err) = await CliRunner.Run("serve", option, value);
        Assert.Equal(1, code);
        Assert.Contains(message, err);
    }

    [Fact]
    public async Task Serve_documents_its_operations_options()
    {
        var (code, output, _) = await CliRunner.Run("serve", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--log-format", "--metrics", "--cors-origins", "--rate-limit", "--rate-limit-loopback", "--robots", "--trusted-proxy" })
            Assert.Contains(option, output);
    }
}
