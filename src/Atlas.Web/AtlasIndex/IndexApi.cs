using Atlas.AtlasIndex;
using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Web.Http;
using Atlas.Web.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.AtlasIndex;

public sealed record IndexEntryJson(string Id, string Nis, string Label, double Score, int Rank, double MedianRank, double Rank5, double Rank95,
    double? Ratio, string Group, IReadOnlyDictionary<string, double?> Pillars, IReadOnlyDictionary<string, double?> Indicators)
{
    public static IndexEntryJson Of(IndexEntry e, CuratedSnapshot s, Lang lang) => new(e.Id, e.Nis.ToString("D5"), s.Get(e.Id)?.Label(lang) ?? e.Name,
        Math.Round(e.Score, 3), e.Rank, e.MedianRank, e.Rank5, e.Rank95, EvidenceJson.Round(e.Ratio, 4), Slugs.Of(e.Group),
        e.Pillars.ToDictionary(p => p.Key, p => EvidenceJson.Round(p.Value, 3)), e.Indicators.ToDictionary(p => p.Key, p => EvidenceJson.Round(p.Value, 6)));
}

/// <summary>An indicator of the index, with the source that measures it (null for an indicator no source at hand measures).</summary>
public sealed record IndexIndicatorJson(string Id, string Label, string? Parent, string? Source);

/// <summary>
/// How the Atlas index was built: its name, the source whose municipalities it scores, how many, the mean score, the
/// Monte Carlo, the groups, the indicators with their sources, and those left out because no source measures them.
/// </summary>
public sealed record IndexMetaJson(string Index, int Municipalities, double Mean, int Replications, ulong Seed, string Groups, string Method,
    SourceJson Source, RegisterInfoJson? Register, IReadOnlyList<IndexIndicatorJson> Indicators, IReadOnlyList<IndexIndicatorJson> LeftOut)
{
    public const string GroupsText = "ratio = score / mean score of the municipalities: leader > 1.25, strong 1.00-1.25, moderate 0.70-1.00 (0.70 included, 1.00 not), emerging < 0.70";

    public static IndexMetaJson Of(AtlasIndexResult index, Lang lang) => new(index.Definition.Index.Names.Get(lang),
        index.Entries.Count, Math.Round(index.Mean, 3), index.Replications, index.Seed, GroupsText, "/en/methodology/index",
        SourceJson.Of(index.Primary!, lang), index.Primary!.Register is { } r ? RegisterInfoJson.Of(r) : null,
        index.Definition.Indicators.Select(i => new IndexIndicatorJson(i.Id, i.Names.Get(lang), index.Definition.Structure[i.Id].Parent,
            index.IndicatorSources.GetValueOrDefault(i.Id)?.Id)).ToList(),
        index.LeftOut.Select(i => new IndexIndicatorJson(i.Id, i.Names.Get(lang), null, null)).ToList());
}

/// <summary>The Atlas index of every scored municipality, paged: the page envelope and how the index was built.</summary>
public sealed record IndexListJson(int Total, int Page, int PageSize, int Pages, PageLinks Links, IReadOnlyList<IndexEntryJson> Items,
    string Index, int Municipalities, double Mean, int Replications, ulong Seed, string Groups, string Method, SourceJson Source, RegisterInfoJson? Register,
    IReadOnlyList<IndexIndicatorJson> Indicators, IReadOnlyList<IndexIndicatorJson> LeftOut)
{
    public static IndexListJson Of(PageJson<IndexEntryJson> page, IndexMetaJson m) => new(page.Total, page.Page, page.PageSize, page.Pages, page.Links, page.Items,
        m.Index, m.Municipalities, m.Mean, m.Replications, m.Seed, m.Groups, m.Method, m.Source, m.Register, m.Indicators, m.LeftOut);
}

/// <summary>The Atlas index of one place: its municipality's entry (null when the municipality has no unit in the source) and how the index was built.</summary>
public sealed record PlaceIndexJson(string Place, string Nis, IndexEntryJson? Entry, string? Note,
    string Index, int Municipalities, double Mean, int Replications, ulong Seed, string Groups, string Method, SourceJson Source, RegisterInfoJson? Register,
    IReadOnlyList<IndexIndicatorJson> Indicators, IReadOnlyList<IndexIndicatorJson> LeftOut)
{
    public static PlaceIndexJson Of(string place, string nis, IndexEntryJson? entry, string? note, IndexMetaJson m) => new(place, nis, entry, note,
        m.Index, m.Municipalities, m.Mean, m.Replications, m.Seed, m.Groups, m.Method, m.Source, m.Register, m.Indicators, m.LeftOut);
}

/// <summary>
/// The Atlas index (data/index/atlas-index.yaml) over a statistical source (?source=; default: the register when one
/// is imported, else Statbel): every municipality's score, rank, 5–95 % rank interval and performance group, and one
/// place's. 409 when the register is asked for and none is loaded.
/// </summary>
public static class IndexApi
{
    public static void MapIndexApi(this RouteGroupBuilder api)
    {
        var index = api.MapGroup("").ProducesProblem(409).ProducesProblem(400);

        index.MapGet("/index", (HttpContext ctx, AtlasIndexQueries q, AtlasSnapshots s, string? source, string? lang, string? format, string? page, string? pageSize) =>
        {
            var language = Params.Language(ctx.Request);
            var result = q.Index(Params.Text(ctx.Request, "source"));
            var entries = Page<IndexEntryJson>.Of(result.Entries.Select(e => IndexEntryJson.Of(e, s.Curated, language)), Params.Page(ctx));
            var json = IndexListJson.Of(Answers.Envelope(ctx, entries), IndexMetaJson.Of(result, language));
            return Answers.Table(ctx, json, j => j.Items, json.Source);
        }).Produces<IndexListJson>().WithName("GetIndex")
          .WithSummary("The Atlas index of every municipality with units in the source (?source=kbo or statbel-vat-2019; default: the register when one is imported, else Statbel): score (0-100), rank, median rank and 5-95 % rank interval over 1,000 Monte Carlo replications, performance group relative to the Belgian average, pillar scores and indicator values; paginated, CSV with ?format=csv. 409 when the register is asked for and none is loaded.");

        index.MapGet("/places/{id}/index", (HttpContext ctx, AtlasIndexQueries q, AtlasSnapshots s, string id, string? source, string? lang) =>
        {
            if (s.Curated.Resolve(id, EntityType.Place) is not { } placeId) return Problems.NotFound("place", id, "/api/places?kind=city");
            var nis = q.ScoredNis(id) ?? throw new BadRequestException("Not a municipality",
                $"'{Params.Truncate(id)}' is not a municipality or a city: the Atlas index scores municipalities (see /api/index).");
            var language = Params.Language(ctx.Request);
            var result = q.Index(Params.Text(ctx.Request, "source"));
            var entry = result.ByNis(nis) is { } e ? IndexEntryJson.Of(e, s.Curated, language) : null;
            return Answers.Json(ctx, PlaceIndexJson.Of(placeId, nis.ToString("D5"), entry,
                entry is null ? "the source has no unit in this municipality, so it has no score" : null, IndexMetaJson.Of(result, language)));
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<PlaceIndexJson>().ProducesProblem(400).ProducesProblem(404).WithName("GetPlaceIndex")
          .WithSummary("The Atlas index of one place: its municipality's score, rank, rank interval, group and indicator values (a city is scored as its municipality; Brussels as the City of Brussels, 21004). 409 when the register is asked for and none is loaded, 404 for an unknown place.");
    }
}
