namespace Atlas.Statbel;

/// <summary>
/// The figures of one cell (a place, a sector, or both) of Statbel's yearly statistic of VAT-registered enterprises.
/// Statbel derives the year's flows by comparing two snapshots of the register of VAT units, on 31 December of the
/// year before and of the reference year: a <b>registration</b> is an enterprise in the second snapshot and not in the
/// first (a first registration or a re-registration), a <b>cessation</b> one in the first and not in the second (the end
/// of the VAT registration, not necessarily of the activity). An enterprise that registers and ceases within the year
/// is in neither.
/// </summary>
/// <param name="Enterprises">VAT-registered enterprises at the reference date (31 December).</param>
/// <param name="Registrations">Enterprises registered during the year that were not registered a year before.</param>
/// <param name="Cessations">Enterprises registered a year before that no longer are.</param>
public readonly record struct VatFigures(int Enterprises, int Registrations, int Cessations)
{
    /// <summary>
    /// Enterprises active during the year, as the two snapshots see them: those registered at its end plus those that
    /// ceased during it (the union of both snapshots). The denominator of the rates, as in the Eurostat–OECD
    /// <i>Manual on Business Demography Statistics</i> (births and deaths of the year over the enterprises active in it).
    /// </summary>
    public int Active => Enterprises + Cessations;

    /// <summary>Creation rate = registrations / (enterprises + cessations); null when no enterprise was active.</summary>
    public double? CreationRate => Active == 0 ? null : (double)Registrations / Active;

    /// <summary>Cessation rate = cessations / (enterprises + cessations); null when no enterprise was active.</summary>
    public double? CessationRate => Active == 0 ? null : (double)Cessations / Active;

    /// <summary>
    /// Churn rate = (registrations + cessations) / (enterprises + cessations): the creation rate plus the cessation
    /// rate (Eurostat's "churn"; Statbel's "turbulence"); null when no enterprise was active.
    /// </summary>
    public double? ChurnRate => Active == 0 ? null : (double)(Registrations + Cessations) / Active;

    public static VatFigures operator +(VatFigures a, VatFigures b) =>
        new(a.Enterprises + b.Enterprises, a.Registrations + b.Registrations, a.Cessations + b.Cessations);
}
