using Atlas.Model;
using Atlas.Store;
using Dapper;
using System.Data.Common;

namespace Atlas.Register;

/// <summary>Finds denominations holding every term (the last one as a prefix), best first: each store's own full-text index.</summary>
public delegate IReadOnlyList<(long Entity, string Name)> NameSearch(DbConnection c, IReadOnlyList<string> terms, int limit);

/// <summary>Company look-ups in the register, on one connection of either store (the same tables and SQL; the name search is the store's).</summary>
public sealed class RegisterSession(DbConnection c, NameSearch findNames) : IRegisterSession
{
    public IReadOnlyList<(long Entity, string Name)> FindNames(IReadOnlyList<string> terms, int limit) =>
        terms.Count == 0 ? [] : findNames(c, terms, limit);

    public long? EnterpriseOf(long number) => c.ExecuteScalar<long?>("""
        SELECT number FROM enterprise WHERE number = @number
        UNION ALL SELECT enterprise FROM establishment WHERE number = @number
        UNION ALL SELECT enterprise FROM branch WHERE id = @number
        LIMIT 1
        """, new { number });

    public EnterpriseRecord? Enterprise(long number) => c.QuerySingleOrDefault<EnterpriseRecord>("""
        SELECT number AS Number, status AS Status, juridical_situation AS JuridicalSituation, type_of_enterprise AS TypeOfEnterprise,
               juridical_form AS JuridicalForm, juridical_form_cac AS JuridicalFormCac, start_date AS StartDate
        FROM enterprise WHERE number = @number
        """, new { number });

    public IReadOnlyList<DenominationRow> Names(long entity) =>
        c.Query<(long Entity, long Language, string Type, string Name)>(
                "SELECT entity, language, type, name FROM denomination WHERE entity = @entity ORDER BY type, language, name", new { entity })
            .Select(x => new DenominationRow(x.Entity, (int)x.Language, x.Type, x.Name)).ToList();

    public IReadOnlyList<AddressRecord> Addresses(long entity) => c.Query<AddressRecord>("""
        SELECT type AS Type, country_nl AS CountryNl, country_fr AS CountryFr, zipcode AS Zipcode, municipality_nl AS MunicipalityNl,
               municipality_fr AS MunicipalityFr, street_nl AS StreetNl, street_fr AS StreetFr, house_number AS HouseNumber, box AS Box,
               extra_address_info AS ExtraAddressInfo, nis AS Nis
        FROM address WHERE entity = @entity ORDER BY type, nis
        """, new { entity }).ToList();

    public IReadOnlyList<ActivityRow> Activities(long entity) =>
        c.Query<(long Group, long Version, string Code, long Classification)>("""
                SELECT activity_group, nace_version, nace_code, classification FROM activity WHERE entity = @entity
                ORDER BY classification, nace_version DESC, activity_group, nace_code
                """, new { entity })
            .Select(x => new ActivityRow(entity, (int)x.Group, (int)x.Version, new NaceCode(int.Parse(x.Code), (byte)x.Code.Length), (Classification)x.Classification))
            .ToList();

    public IReadOnlyList<ContactRow> Contacts(long entity) =>
        c.Query<(string Type, string Value)>("SELECT contact_type, value FROM contact WHERE entity = @entity ORDER BY contact_type, value", new { entity })
            .Select(x => new ContactRow(entity, "", x.Type, x.Value)).ToList();

    public IReadOnlyList<(long Number, string StartDate)> Establishments(long enterprise) =>
        c.Query<(long, string)>("SELECT number, start_date FROM establishment WHERE enterprise = @enterprise ORDER BY number", new { enterprise }).ToList();

    public void Dispose() => c.Dispose();
}
