namespace Atlas.Tests.OpenData;

/// <summary>Reading an answer of the atlas as RDF (through <see cref="JsonLdProcessor"/>) and looking for triples in it.</summary>
public static class Rdf
{
    public const string Host = "http://atlas.test";
    public const string Schema = "<https://schema.org/", RdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
        Dcat = "<http://www.w3.org/ns/dcat#", Dct = "<http://purl.org/dc/terms/", Prov = "<http://www.w3.org/ns/prov#";

    public static async Task<IReadOnlyList<Quad>> Read(HttpClient client, string path)
    {
        JsonLdProcessor.Require();
        var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        return await JsonLdProcessor.ToQuads(await response.Content.ReadAsStringAsync(), Host + path);
    }

    public static string Iri(string path) => $"<{Host}{path}>";

    public static string One(IReadOnlyList<Quad> quads, string subject, string predicate) =>
        Assert.Single(quads, q => q.Subject == subject && q.Predicate == predicate).Object;

    public static void Has(IReadOnlyList<Quad> quads, string subject, string predicate, string obj) =>
        Assert.True(quads.Any(q => q.Subject == subject && q.Predicate == predicate && q.Object == obj),
            $"missing the triple {subject} {predicate} {obj}; the document gives:\n{string.Join("\n", quads.Where(q => q.Subject == subject).Select(q => $"{q.Predicate} {q.Object}"))}");
}
