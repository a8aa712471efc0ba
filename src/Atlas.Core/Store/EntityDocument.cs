using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Atlas.Model;

namespace Atlas.Store;

/// <summary>
/// How a store keeps an entity: one JSON document with every field of its type, read back as the same typed entity
/// (a <see cref="Place"/>, an <see cref="Organisation"/> …). The document is the store's own format, not the API's.
/// </summary>
public static class EntityDocument
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Polymorphism } },
        Converters = { new JsonStringEnumConverter(), new LocalizedTextConverter(), new NisCodeConverter(), new EnterpriseNumberConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(Entity entity) => JsonSerializer.Serialize(entity, Options);

    public static Entity Read(string document) =>
        JsonSerializer.Deserialize<Entity>(document, Options) ?? throw new JsonException("an entity document is empty");

    private static void Polymorphism(JsonTypeInfo info)
    {
        if (info.Type != typeof(Entity)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            DerivedTypes =
            {
                new JsonDerivedType(typeof(Place), "place"), new JsonDerivedType(typeof(Sector), "sector"),
                new JsonDerivedType(typeof(Technology), "technology"), new JsonDerivedType(typeof(Organisation), "organisation"),
                new JsonDerivedType(typeof(Programme), "programme"), new JsonDerivedType(typeof(Source), "source"),
            },
        };
    }

    private sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
    {
        public override LocalizedText Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options)
        {
            var text = new LocalizedText();
            foreach (var (code, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader) ?? [])
                if (Langs.TryParse(code, out var lang)) text.Set(lang, value);
            return text;
        }

        public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ByCode);
    }

    private sealed class NisCodeConverter : JsonConverter<NisCode>
    {
        public override NisCode Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => NisCode.Parse(reader.GetString()!);
        public override void Write(Utf8JsonWriter writer, NisCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    private sealed class EnterpriseNumberConverter : JsonConverter<EnterpriseNumber>
    {
        public override EnterpriseNumber Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => EnterpriseNumber.Parse(reader.GetString()!);
        public override void Write(Utf8JsonWriter writer, EnterpriseNumber value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
