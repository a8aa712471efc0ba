using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Web.Pages;

/// <summary>The entities a page links to: each one's label in the page's language and its page, from the snapshot the page was built from.</summary>
public sealed class EntityLinks(CuratedSnapshot snapshot, Lang lang)
{
    public Lang Lang { get; } = lang;
    public Entity? this[string id] => snapshot.Get(id);
    public string Label(string id) => snapshot.Label(id, Lang);
    /// <summary>The language a source is written in, which its key phrases are in (French when it does not say).</summary>
    public string PhraseLanguage(string source) => (snapshot.Get(source) as Source)?.Language ?? "fr";

    /// <summary>The entity's page; for an id the atlas does not know, a search for it.</summary>
    public string Href(string id) => snapshot.Get(id) is { } e ? Links.Entity(Lang, e) : Links.Search(Lang, id);
}
