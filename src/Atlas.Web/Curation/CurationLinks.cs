using Atlas.Model;

namespace Atlas.Web.Curation;

/// <summary>The addresses of the curation's pages.</summary>
public static class CurationLinks
{
    public static string SignIn(Lang lang, string? returnUrl = null) =>
        $"/{lang.Code()}/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
    public static string SignOut(Lang lang) => $"/{lang.Code()}/sign-out";
    public static string Review(Lang lang) => $"/{lang.Code()}/review";
    public static string Accounts(Lang lang) => $"/{lang.Code()}/accounts";
    public static string Account(Lang lang) => $"/{lang.Code()}/account";
    public static string Proposal(Lang lang, long id) => $"/{lang.Code()}/review/{id}";
    public static string Propose(Lang lang) => $"/{lang.Code()}/propose";
    public static string Edit(Lang lang, string factId) => $"/{lang.Code()}/facts/{Uri.EscapeDataString(factId)}/edit";
    public static string Retract(Lang lang, string factId) => $"/{lang.Code()}/facts/{Uri.EscapeDataString(factId)}/retract";
    public static string Fact(Lang lang, string factId) => $"/{lang.Code()}/facts/{Uri.EscapeDataString(factId)}";
    public static string ProposeEntity(Lang lang, EntityType type) => $"/{lang.Code()}/propose/{Slugs.Of(type)}";
    public static string EditEntity(Lang lang, string entityId) => $"/{lang.Code()}/entities/{Uri.EscapeDataString(entityId)}/edit";

    /// <summary>The page of what a proposal changes: the fact, or the entity.</summary>
    public static string Target(Lang lang, Atlas.Curation.Proposal p) =>
        p.EntityType is { } type ? Pages.Links.Entity(lang, type, p.TargetId) : Fact(lang, p.TargetId);

    /// <summary>A return address only when it is a path of this site (no open redirect).</summary>
    public static string LocalOr(string? returnUrl, string fallback) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not '/' and not '\\' ? url : fallback;
}
