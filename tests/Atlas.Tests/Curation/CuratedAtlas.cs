using Atlas.Curation;
using Atlas.Postgres;
using Atlas.Tests.Postgres;

namespace Atlas.Tests.Curation;

/// <summary>
/// An atlas of its own for the tests that change data (proposals, reviews): the repository's data seeded into a fresh
/// SQLite file, or into a fresh PostgreSQL database (<see cref="OnPostgres"/>), re-openable as a second node would.
/// </summary>
public class CuratedAtlas : IAsyncLifetime
{
    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    public AtlasServices Atlas { get; private set; } = null!;

    protected virtual bool Available => true;
    public bool IsAvailable => Available;

    /// <summary>Opens the store the way `atlas serve` does: a second call is a second node on the same data.</summary>
    public virtual AtlasServices Open() => AtlasSetup.Prepare(TestPaths.DataDir, _dir.File("atlas.db"));

    public virtual Task InitializeAsync()
    {
        if (Available) Atlas = Open();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An account with a placeholder hash (the store tests do not sign in; the web tests make real ones).</summary>
    public Account Account(string name, Role role) =>
        Atlas.CuratedStore.Curation.FindAccount(name.ToUpperInvariant())
        ?? Atlas.CuratedStore.Curation.AddAccount(new Account { UserName = name, NormalizedName = name.ToUpperInvariant(), Role = role, PasswordHash = "-", SecurityStamp = "-" }, "test");

    /// <summary>A new fact about Ghent, citing the founding article as the data files do.</summary>
    public static FactDraft NewFact(string id, string en = "Ghent hosts a test fact.") => new()
    {
        Id = id, Subject = "ghent", Predicate = "described-as",
        Statement = new Dictionary<string, string> { ["fr"] = "Gand accueille un fait d’essai.", ["nl"] = "Gent heeft een testfeit.", ["en"] = en },
        Source = "article-7-cities",
        Locator = new LocatorDraft("3. Gand", "heading", null, null, "le modèle de l’industrie 4.0"),
    };

    public sealed class OnPostgres : CuratedAtlas
    {
        private TestDatabase? _db;
        protected override bool Available => PostgresAtlasFixture.Available;

        public override AtlasServices Open()
        {
            _db ??= new TestDatabase();
            return PostgresSetup.Prepare(TestPaths.DataDir, _db.Spec);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            _db?.Dispose();
        }
    }
}
