using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IamService.Api.Common;

namespace IamService.Api.Decisions;

/// <summary>
/// The decision endpoints' requests, read by generated code with the controllers' rules: camelCase, and a
/// misspelt or missing member refused rather than ignored.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    GenerationMode = JsonSourceGenerationMode.Metadata,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AuthorizeRequest))]
[JsonSerializable(typeof(AuthorizeBatchRequest))]
internal sealed partial class DecisionJson : JsonSerializerContext
{
    /// <summary>The request's JSON body as <typeparamref name="T"/>, or the 400 or 415 problem that says why.</summary>
    public static async Task<Result<T>> ReadAsync<T>(
        HttpRequest request,
        JsonTypeInfo<T> type,
        CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return IamError.JsonBodyRequired;
        }

        // The whole body, then one synchronous read: the serializer's asynchronous reader takes its slower,
        // resumable path, and a batch arrives in several network buffers.
        var body = request.BodyReader;
        var read = await body.ReadAsync(cancellationToken);
        while (!read.IsCompleted)
        {
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            read = await body.ReadAsync(cancellationToken);
        }

        var buffer = read.Buffer;
        var rented = buffer.IsSingleSegment ? null : ArrayPool<byte>.Shared.Rent((int)buffer.Length);
        try
        {
            ReadOnlySpan<byte> json;
            if (rented is null)
            {
                json = buffer.FirstSpan;
            }
            else
            {
                buffer.CopyTo(rented);
                json = rented.AsSpan(0, (int)buffer.Length);
            }

            return JsonSerializer.Deserialize(json, type) is { } value
                ? value
                : IamError.InvalidInput("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            return IamError.InvalidInput($"The request could not be read: {e.Message}");
        }
        finally
        {
            body.AdvanceTo(buffer.End);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>
/// The decision endpoints' answers, written by generated serialization code (camelCase, nulls left out), each
/// matched statement from its cached JSON: the strict reading rules above would make the serializer fall back to
/// its slower general path.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(StatementAnswers.Converter)])]
[JsonSerializable(typeof(AuthorizeResponse))]
[JsonSerializable(typeof(AuthorizeBatchResponse))]
internal sealed partial class DecisionAnswerJson : JsonSerializerContext;
