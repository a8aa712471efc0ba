using Atlas.Diagnostics;

namespace Atlas.Model;

/// <summary>The kinds of thing the atlas knows. Every entity id is unique across all of them.</summary>
public enum EntityType { Place, Sector, Technology, Organisation, Programme, Source }

/// <summary>What every entity has: a stable slug id, names in FR/NL/EN, aliases, a description.</summary>
public abstract class Entity
{
    public required string Id { get; init; }
    public abstract EntityType Type { get; }
    /// <summary>A finer kind within the type (a place's kind, an organisation's kind), or the type's own name.</summary>
    public abstract string Kind { get; }
    public LocalizedText Names { get; init; } = new();
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public LocalizedText Description { get; init; } = new();
    /// <summary>A curator's remark in French, Dutch and English (empty when there is none).</summary>
    public LocalizedText Note { get; init; } = new();
    public SourcePosition Position { get; init; }

    public string Label(Lang lang) => Names.Get(lang);
}

public enum PlaceKind { Country, Region, Province, Arrondissement, Municipality, City }

/// <summary>How a city relates to a statistical unit that measures it.</summary>
public enum PlaceRelation
{
    /// <summary>The city is this municipality (Ghent and NIS 44021).</summary>
    CoincidesWith,
    /// <summary>The city is a town within this municipality (Louvain-la-Neuve in Ottignies-Louvain-la-Neuve).</summary>
    TownIn,
    /// <summary>The municipality at the core of the city (the City of Brussels, NIS 21004).</summary>
    CityProper,
    /// <summary>The city also stands for this region (the Brussels-Capital Region, NIS 04000).</summary>
    Region,
}

public sealed record PlaceLink(PlaceRelation Relation, string Place);

public sealed class Place : Entity
{
    public override EntityType Type => EntityType.Place;
    public override string Kind => PlaceKind.ToString().ToLowerInvariant();
    public PlaceKind PlaceKind { get; init; }
    public NisCode? Nis { get; init; }
    public string? Nuts { get; init; }
    public string? Parent { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public IReadOnlyList<PlaceLink> Links { get; init; } = [];
    /// <summary>For municipalities: the first day it existed in its current form (2025-01-01 for merged ones).</summary>
    public DateOnly? ValidFrom { get; init; }
    /// <summary>For municipalities merged away: the last day it existed (2024-12-31).</summary>
    public DateOnly? ValidTo { get; init; }
    public string? MergedInto { get; init; }
    public IReadOnlyList<string> MergedFrom { get; init; } = [];
    public long? Population { get; init; }

    public bool IsCurrent => ValidTo is null;
}

public sealed class Sector : Entity
{
    public override EntityType Type => EntityType.Sector;
    public override string Kind => "sector";
    /// <summary>NACE-BEL 2008 codes (section letter, division, group or class) that measure the sector in the register.</summary>
    public IReadOnlyList<string> Nace2008 { get; init; } = [];
}

public sealed class Technology : Entity
{
    public override EntityType Type => EntityType.Technology;
    public override string Kind => "technology";
    /// <summary>NACE-BEL 2008 codes whose units make or supply the technology, where some do well enough; empty when no NACE code captures it.</summary>
    public IReadOnlyList<string> Nace2008 { get; init; } = [];
}

public enum OrganisationKind { Company, StartUp, ResearchCentre, University, Cluster, PublicBody, Group }

public enum OrganisationRole { Seat, Site, ActiveIn }

public sealed record OrganisationPlace(string Place, OrganisationRole Role);

public sealed class Organisation : Entity
{
    public override EntityType Type => EntityType.Organisation;
    public override string Kind => Slugs.Of(OrganisationKind);
    public OrganisationKind OrganisationKind { get; init; }
    public EnterpriseNumber? EnterpriseNumber { get; init; }
    public IReadOnlyList<OrganisationPlace> Places { get; init; } = [];
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public IReadOnlyList<string> Technologies { get; init; } = [];
    public string? Website { get; init; }
    public string? Wikidata { get; init; }
}

public enum ProgrammeKind { Label, FundingProgramme, Initiative }

public sealed class Programme : Entity
{
    public override EntityType Type => EntityType.Programme;
    public override string Kind => Slugs.Of(ProgrammeKind);
    public ProgrammeKind ProgrammeKind { get; init; }
    public string? Scope { get; init; }
    public string? Period { get; init; }
    public string? Website { get; init; }
}

/// <summary>A document (its text may be checked with validate --texts), a data set, or a web page read on a given day.</summary>
public enum SourceType { Document, Dataset, WebPage }

public sealed class Source : Entity
{
    public override EntityType Type => EntityType.Source;
    public override string Kind => Slugs.Of(SourceType);
    public SourceType SourceType { get; init; }
    public required string Title { get; init; }
    public string? Publisher { get; init; }
    public string? Language { get; init; }
    public int? Year { get; init; }
    /// <summary>The date the source was published, where it shows one (2025-07-16, 2025-07 or 2025).</summary>
    public string? Date { get; init; }
    /// <summary>The day a web page was read (2026-12-01).</summary>
    public string? Accessed { get; init; }
    public string? Url { get; init; }
    /// <summary>For a data set shipped in the repository: its file, relative to the data folder.</summary>
    public string? File { get; init; }
    public string? Licence { get; init; }
    /// <summary>The file name of the document's text, looked up in the folder given to <c>validate --texts</c>.</summary>
    public string? TextFile { get; init; }
}

/// <summary>Kebab-case names of enum values, as they appear in data files and the API (research-centre, at-least).</summary>
public static class Slugs
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    public static bool TryParse<T>(string? slug, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (Of(v) == slug) { value = v; return true; }
        }
        value = default;
        return false;
    }

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of);
}
