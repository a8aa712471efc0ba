namespace Atlas.BrowserTests;

/// <summary>One page of each type the atlas serves, by its address after the language (/en, /fr, /nl).</summary>
public static class PageTypes
{
    public static readonly (string Name, string Path)[] All =
    [
        ("home", "/"),
        ("city", "/places/ghent"),
        ("municipality", "/places/nis-21001"),
        ("list", "/places?kind=city"),
        ("sector", "/sectors/textile"),
        ("organisation", "/organisations/ucb"),
        ("programme", "/programmes/factory-of-the-future"),
        ("source", "/sources/article-7-cities"),
        ("facts", "/facts?subject=ghent&about=textile"),
        ("fact", "/facts/ghent-agrifood-blockchain-traceability"),
        ("search", "/search?q=textile"),
        ("search with companies", "/search?q=Gentse"),
        ("company", "/companies/0403.053.608"),
        ("compare", "/compare?places=antwerp,bruges"),
        ("matrix", "/matrix?of=sector"),
        ("index", "/index"),
        ("index methodology", "/methodology/index"),
        ("complexity methodology", "/methodology/complexity"),
        ("series list", "/series"),
        ("series", "/series/NBB.INDUSTRIAL_PROD.M.SA"),
        ("check", "/facts/belgium-industrial-production-change-2025-05/check"),
        ("not found", "/places/atlantis"),
    ];
}
