using Atlas.AtlasIndex;
using Atlas.Catalogue;
using Atlas.Claims;
using Atlas.Companies;
using Atlas.Compare;
using Atlas.Complexity;
using Atlas.Dynamics;
using Atlas.Finder;
using Atlas.Register;
using Atlas.Search;
using Atlas.Series;
using Atlas.Snapshots;
using Atlas.Specialisation;
using Atlas.Store;

namespace Atlas;

/// <summary>
/// The atlas as the pages, the API and the commands use it: its stores, the snapshots of their current data, and one
/// service per feature, each reading the snapshots and its own narrow store interface. It holds no logic of its own.
/// </summary>
public sealed class AtlasServices
{
    /// <param name="dataDir">the data folder the store was seeded from (proposed changes are checked against its reference files).</param>
    public AtlasServices(ICuratedStore curated, IRegisterStore register, ISeriesStore series, string? dataDir = null)
    {
        Snapshots = new AtlasSnapshots(curated, register, series);
        Curation = new Curation.Curator(Snapshots, curated.Curation, dataDir ?? AtlasSetup.FindDataDir());
        Entities = new EntityQueries(Snapshots);
        Search = new SearchQueries(Snapshots);
        Compare = new CompareQueries(Snapshots);
        Companies = new CompanyQueries(Snapshots);
        Specialisation = new SpecialisationQueries(Snapshots);
        Claims = new ClaimQueries(Snapshots);
        Complexity = new ComplexityQueries(Snapshots);
        Series = new SeriesQueries(Snapshots);
        Index = new AtlasIndexQueries(Snapshots, Series);
        Dynamics = new DynamicsQueries(Snapshots);
        Finder = new FinderQueries(Snapshots, Companies, Index);
        Geometry = new Geo.PlaceGeometries(Snapshots);
    }

    /// <summary>The embedded stores: the SQLite database and the files beside it (atlas.db → atlas.register.db, atlas.series.db).</summary>
    public static AtlasServices Sqlite(SqliteCuratedStore store) => new(store, Register.RegisterStore.For(store.Path), SqliteSeriesStore.For(store.Path));

    public AtlasSnapshots Snapshots { get; }
    public ICuratedStore CuratedStore => Snapshots.CuratedStore;
    public IRegisterStore RegisterStore => Snapshots.RegisterStore;
    public ISeriesStore SeriesStore => Snapshots.SeriesStore;

    public EntityQueries Entities { get; }
    public SearchQueries Search { get; }
    public CompareQueries Compare { get; }
    public CompanyQueries Companies { get; }
    public SpecialisationQueries Specialisation { get; }
    public ClaimQueries Claims { get; }
    public ComplexityQueries Complexity { get; }
    public AtlasIndexQueries Index { get; }
    public DynamicsQueries Dynamics { get; }
    public SeriesQueries Series { get; }
    public FinderQueries Finder { get; }
    public Geo.PlaceGeometries Geometry { get; }
    /// <summary>Proposals and reviews of changes to the curated facts, with their history.</summary>
    public Curation.Curator Curation { get; }
}
