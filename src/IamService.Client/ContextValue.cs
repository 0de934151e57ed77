using System.Text.Json;
using System.Text.Json.Serialization;

namespace IamService.Client;

/// <summary>
/// The value of a condition key in a request's context: a string (also for IPs, dates and ARNs), a number, a
/// boolean, or a list of values of one of those kinds.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class ContextValue
{
    private readonly JsonElement _json;

    private ContextValue(JsonElement json) => _json = json;

    public static ContextValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ContextValue(JsonSerializer.SerializeToElement(value));
    }

    /// <summary>A number; not a number and the infinities have no JSON form and are refused.</summary>
    public static ContextValue FromNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A context number must be finite.");
        }

        return new ContextValue(JsonSerializer.SerializeToElement(value));
    }

    public static ContextValue FromBoolean(bool value) => new(JsonSerializer.SerializeToElement(value));

    public static ContextValue FromList(IEnumerable<string> values) => List(values);

    public static ContextValue FromList(IEnumerable<double> values) => List(values);

    public static ContextValue FromList(IEnumerable<bool> values) => List(values);

    public static implicit operator ContextValue(string value) => FromString(value);

    public static implicit operator ContextValue(double value) => FromNumber(value);

    public static implicit operator ContextValue(bool value) => FromBoolean(value);

    public static implicit operator ContextValue(string[] values) => FromList(values);

    /// <summary>The value as it is sent, in JSON.</summary>
    public override string ToString() => _json.GetRawText();

    private static ContextValue List<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ContextValue(JsonSerializer.SerializeToElement(values.ToList()));
    }

    private sealed class Converter : JsonConverter<ContextValue>
    {
        public override ContextValue Read(
            ref Utf8JsonReader reader,
            Type typeToConvert,
            JsonSerializerOptions options) => new(JsonElement.ParseValue(ref reader));

        public override void Write(Utf8JsonWriter writer, ContextValue value, JsonSerializerOptions options) =>
            value._json.WriteTo(writer);
    }
}
