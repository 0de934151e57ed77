using System.Text.Json;
using IamService.Policies;

namespace IamService.Api.Simulator;

/// <summary>One context key for a simulation, as IAM's ContextEntry.</summary>
public sealed class ContextEntryInput
{
    /// <example>aws:MultiFactorAuthPresent</example>
    public required string ContextKeyName { get; init; }

    /// <summary>The values as strings; numbers and booleans are also accepted and read as their JSON text.</summary>
    /// <example>["true"]</example>
    public required IReadOnlyList<JsonElement> ContextKeyValues { get; init; }

    /// <summary>
    /// IAM's context key types: string, stringList, numeric, numericList, boolean, ip, binary, date and their lists.
    /// </summary>
    /// <example>boolean</example>
    public required ContextKeyType ContextKeyType { get; init; }
}
