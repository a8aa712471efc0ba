using Atlas.Data;

namespace Atlas.Store;

/// <summary>Raised when the database cannot be opened or written; says which one and what to do.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// Whether an error means the store cannot answer just now rather than a fault of the atlas: this exception, or
    /// a database error its driver calls transient, or of a class that says the server is unreachable, shutting
    /// down or out of resources (08, 57P, 53) — a request then gets 503 and may be tried again.
    /// </summary>
    public static bool IsUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is StoreUnavailableException
                || e is System.Data.Common.DbException db && (db.IsTransient || db.SqlState is { } s && (s.StartsWith("08", StringComparison.Ordinal)
                    || s.StartsWith("57P", StringComparison.Ordinal) || s.StartsWith("53", StringComparison.Ordinal))))
                return true;
        return false;
    }
}

/// <summary>A document of the full-text index that matched: the entity it leads to, the fact when it is one, and its score.</summary>
public sealed record TextMatch(string EntityId, string? FactId, double Score);

/// <summary>
/// The curated data — entities, facts, the map, the index definition — as a store holds it: seeded from the data
/// files in one transaction, read back whole (the atlas keeps one snapshot of it per data version), and searched in
/// full text. SQLite is the embedded store; a server store implements the same interface.
/// </summary>
public interface ICuratedStore
{
    /// <summary>Where the data is, for messages: a file, or a server and database.</summary>
    string Location { get; }

    /// <summary>
    /// The version of the data the store holds, or null when empty: the content hash of the data files it was seeded
    /// from, followed by the number of curated changes accepted since the store was created (<c>HASH+N</c>) when there are any.
    /// </summary>
    string? DataVersion { get; }

    /// <summary>The content hash of the data files the store was seeded from, or null when empty.</summary>
    string? SeededHash { get; }

    /// <summary>Accounts, tokens, proposals and the audit history, in the same database as the curated data.</summary>
    Curation.ICurationStore Curation { get; }

    /// <summary>When the store was seeded with the version it holds (the date of that data version), or null when empty.</summary>
    DateTimeOffset? SeededAt { get; }

    /// <summary>
    /// Replaces the content with <paramref name="data"/> and the curated changes accepted so far (applied again over
    /// it, in their order), in one transaction, unless it was seeded from that version already. True when it seeded.
    /// </summary>
    bool Seed(AtlasData data, bool force = false);

    /// <summary>Everything the store holds, typed: entities, facts in their order, the map and the index definition.</summary>
    AtlasData Load();

    /// <summary>The facts alone, in their order (after an accepted change, the entities are those of the snapshot already held).</summary>
    IReadOnlyList<Model.Fact> LoadFacts();

    /// <summary>Statbel's VAT-registered enterprises, seeded with the curated data (null when the data has none).</summary>
    Statbel.VatEnterprises? LoadVatEnterprises();

    /// <summary>
    /// The documents (entities and facts) that hold every term (<paramref name="all"/>) or any of them, best first.
    /// Terms are folded words (lowercase, no accents, letters and digits only); the last one also matches as a prefix
    /// when it has three letters or more, since people search while they type.
    /// </summary>
    IReadOnlyList<TextMatch> Match(IReadOnlyList<string> terms, bool all, int limit);
}
