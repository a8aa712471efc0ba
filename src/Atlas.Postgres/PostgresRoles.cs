namespace Atlas.Postgres;

/// <summary>
/// The roles of a team server (see docs/deployment.md): the owner that migrates and imports, and the web nodes'
/// login roles, members of <see cref="Reader"/>, which may read every table of the atlas and write none, or of
/// <see cref="Curator"/> for a node that takes curation.
/// </summary>
public static class PostgresRoles
{
    /// <summary>The read-only group role: made by the migrations when the owner may create roles; every table of the atlas is granted to it.</summary>
    public const string Reader = "atlas_reader";

    /// <summary>The group of the nodes that take curation: a member of <see cref="Reader"/> that may also write proposals, reviews and their history (0006_curator_role.sql).</summary>
    public const string Curator = "atlas_curator";
}
