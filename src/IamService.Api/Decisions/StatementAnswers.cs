using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using IamService.Api.Simulator;
using IamService.Policies;

namespace IamService.Api.Decisions;

/// <summary>
/// The matched statements of decision answers, described and written as JSON once per statement and slot. A
/// principal's decisions report the same few statements over and over, and writing each one's ten members
/// (escaping and transcoding every string) was the largest part of writing an answer. Both tables hold an entry
/// only as long as the compiled policy it describes is alive.
/// </summary>
internal static class StatementAnswers
{
    private static readonly ConditionalWeakTable<MatchedStatement, MatchedStatementResponse> Described = new();

    private static readonly ConditionalWeakTable<MatchedStatementResponse, byte[]> Written = new();

    public static MatchedStatementResponse Describe(MatchedStatement statement) =>
        Described.GetValue(statement, PolicySimulator.Describe);

    /// <summary>Writes a described statement from its cached JSON.</summary>
    internal sealed class Converter : JsonConverter<MatchedStatementResponse>
    {
        public override MatchedStatementResponse Read(
            ref Utf8JsonReader reader,
            Type typeToConvert,
            JsonSerializerOptions options) =>
            throw new NotSupportedException("Decision answers are only written.");

        public override void Write(Utf8JsonWriter writer, MatchedStatementResponse value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            var json = Written.GetValue(value, static response =>
                JsonSerializer.SerializeToUtf8Bytes(response, StatementJson.Default.MatchedStatementResponse));
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }
}

/// <summary>One matched statement's JSON, as the decision answers write it: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MatchedStatementResponse))]
internal sealed partial class StatementJson : JsonSerializerContext;
