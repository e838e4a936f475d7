using System.Text.Json;
using System.Text.Json.Serialization;

namespace TitleReview.Web.Hosting;

/// <summary>
/// Enums travel as their names, like <see cref="JsonStringEnumConverter"/>; a name or number
/// the enum does not define fails with <see cref="UnknownEnumValueException"/>, which carries
/// the allowed names so the 400 answer can list them.
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _names = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(Strict<>).MakeGenericType(typeToConvert),
            _names.CreateConverter(typeToConvert, options))!;

    private sealed class Strict<T>(JsonConverter<T> names) : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(names, ref reader, typeToConvert, options, propertyName: false);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            names.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(names, ref reader, typeToConvert, options, propertyName: true);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            names.WriteAsPropertyName(writer, value, options);

        private static T Checked(JsonConverter<T> names, ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options, bool propertyName)
        {
            T value;
            try
            {
                value = propertyName
                    ? names.ReadAsPropertyName(ref reader, typeToConvert, options)
                    : names.Read(ref reader, typeToConvert, options);
            }
            catch (JsonException)
            {
                throw new UnknownEnumValueException(Enum.GetNames<T>());
            }

            return Enum.IsDefined(value) ? value : throw new UnknownEnumValueException(Enum.GetNames<T>());
        }
    }
}

/// <summary>A JSON value that names no member of the enum; the serializer fills in <see cref="JsonException.Path"/>.</summary>
internal sealed class UnknownEnumValueException(IReadOnlyList<string> allowed) : JsonException("The value is not a member of the enum.")
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}
