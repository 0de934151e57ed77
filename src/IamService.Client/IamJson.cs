using System.Text.Json;
using System.Text.Json.Serialization;

namespace IamService.Client;

/// <summary>IamService's JSON: camelCase names, absent members omitted.</summary>
internal static class IamJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
