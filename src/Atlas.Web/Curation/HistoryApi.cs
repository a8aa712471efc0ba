using System.Text;
using System.Xml;
using Atlas.Curation;
using Atlas.Snapshots;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Curation;

/// <summary>
/// The public history: each fact's accepted changes, and the feed of every accepted change (JSON, CSV, Atom). Read
/// endpoints, served with or without accounts; pending and rejected proposals are not public.
/// </summary>
public static class HistoryApi
{
    public const int MaxChanges = 500;
    private static readonly string[] Accepted = [Actions.Accepted];

    public static void MapHistoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/facts/{id}/history", (HttpContext ctx, AtlasServices atlas, string id) =>
                Of(atlas, id) is { } history ? Answers.Json(ctx, history) : Problems.NotFound("fact", id, "/api/facts"))
            .WithName("GetFactHistory").WithSummary("The accepted changes of one fact, oldest first: who, when, why, before and after")
            .AddEndpointFilter(Problems.CheckIdLength).Produces<FactHistoryJson>().ProducesProblem(404);

        api.MapGet("/entities/{id}/history", (HttpContext ctx, AtlasServices atlas, string id) =>
                OfEntity(atlas, id) is { } history ? Answers.Json(ctx, history) : Problems.NotFound("entity", id, "/api/search"))
            .WithName("GetEntityHistory").WithSummary("The accepted changes of one entity (a place, an organisation, a source …), oldest first")
            .AddEndpointFilter(Problems.CheckIdLength).Produces<EntityHistoryJson>().ProducesProblem(404);

        api.MapGet("/changes", (HttpContext ctx, AtlasServices atlas, string? before, string? pageSize, string? format) =>
            {
                var size = Params.Int(ctx.Request, "pageSize", 50, 1, MaxChanges);
                long? from = before is null ? null : long.TryParse(before, out var b) && b > 0 ? b
                    : throw new BadRequestException("Bad before", "before= is the seq of a change (a whole number): the feed continues with older ones.");
                var events = atlas.CuratedStore.Curation.Events(Accepted, size, from).Select(ChangeJson.Of).ToList();
                if (format == "atom") return Answers.Text(ctx, Atom(events, ctx.Request), "application/atom+xml; charset=utf-8", "changes.atom");
                var next = events.Count == size ? $"/api/changes?before={events[^1].Seq}&pageSize={size}" : null;
                return Answers.Table(ctx, new ChangesJson(events, next), c => c.Items);
            })
            .Produces<ChangesJson>().ProducesProblem(400).WithName("ListChanges").WithSummary("The accepted changes to the curated facts and entities, newest first (JSON, CSV, or an Atom feed with ?format=atom)");
    }

    /// <summary>A fact's public history, or null when there is no such fact.</summary>
    public static FactHistoryJson? Of(AtlasServices atlas, string id)
    {
        if (atlas.Snapshots.Curated.Fact(id) is not { } fact) return null;
        var changes = atlas.CuratedStore.Curation.History($"fact:{id}").Where(e => e.Action == Actions.Accepted).Select(ChangeJson.Of).ToList();
        return new FactHistoryJson(id, Model.Slugs.Of(fact.Status), changes);
    }

    /// <summary>An entity's public history, or null when there is no such entity.</summary>
    public static EntityHistoryJson? OfEntity(AtlasServices atlas, string id)
    {
        if (atlas.Snapshots.Curated.Get(id) is not { } entity) return null;
        var changes = atlas.CuratedStore.Curation.History($"entity:{id}").Where(e => e.Action == Actions.Accepted).Select(ChangeJson.Of).ToList();
        return new EntityHistoryJson(id, Model.Slugs.Of(entity.Type), changes);
    }

    /// <summary>The feed as Atom (RFC 4287): one entry per change, its reason and the fact after it as text (the writer encodes it).</summary>
    private static string Atom(IReadOnlyList<ChangeJson> changes, HttpRequest request)
    {
        var site = $"{request.Scheme}://{request.Host}";
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteElementString("title", "Belgian Innovation Atlas — accepted changes");
            w.WriteElementString("id", $"{site}/api/changes");
            w.WriteElementString("updated", XmlConvert.ToString(changes.Count > 0 ? changes[0].At : DateTimeOffset.UnixEpoch));
            Link(w, $"{site}/api/changes?format=atom", "self");
            foreach (var c in changes)
            {
                w.WriteStartElement("entry");
                w.WriteElementString("id", $"{site}/api/changes#{c.Seq}");
                var what = c.Entity is null ? "fact" : "entity";
                w.WriteElementString("title", $"{c.Fact ?? c.Entity}: {(c.Before is null ? $"new {what}" : c.After?.Contains("status: \"retracted\"") == true ? "retracted" : "edited")}");
                w.WriteElementString("updated", XmlConvert.ToString(c.At));
                w.WriteStartElement("author");
                w.WriteElementString("name", c.Actor);
                w.WriteEndElement();
                Link(w, site + (c.Fact is not null ? $"/en/facts/{Uri.EscapeDataString(c.Fact)}" : $"/api/entities/{Uri.EscapeDataString(c.Entity!)}/history"), "alternate");
                w.WriteElementString("summary", c.Reason ?? "");
                w.WriteStartElement("content");
                w.WriteAttributeString("type", "text");
                w.WriteString(c.After ?? "");
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    private static void Link(XmlWriter w, string href, string rel)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
