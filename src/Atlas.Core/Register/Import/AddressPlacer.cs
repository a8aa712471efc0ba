namespace Atlas.Register.Import;

/// <summary>
/// Places the addresses of an import in their municipality by postcode, and counts for the summary how many were
/// placed, abroad, or Belgian with a postcode it does not know (the most frequent of those are listed).
/// </summary>
internal sealed class AddressPlacer(PostcodeResolver postcodes, ImportResult result)
{
    /// <summary>The municipality (REFNIS code) of a Belgian address, or 0 (abroad, or an unknown postcode).</summary>
    public int Place(AddressRow a)
    {
        if (!a.InBelgium)
        {
            result.AddressesAbroad++;
            return 0;
        }
        var nis = postcodes.Resolve(a.Zipcode, a.MunicipalityNl, a.MunicipalityFr);
        if (nis == 0)
        {
            result.AddressesUnresolved++;
            var key = a.Zipcode ?? "(none)";
            // a bounded tally: a dump full of broken postcodes must not fill the memory
            if (result.UnresolvedPostcodes.Count < 10_000 || result.UnresolvedPostcodes.ContainsKey(key))
                result.UnresolvedPostcodes[key] = result.UnresolvedPostcodes.GetValueOrDefault(key) + 1;
        }
        else result.AddressesResolved++;
        return nis;
    }
}
