namespace IamService.Policies;

/// <summary>
/// The set operator prefixed to a condition operator for multivalued context keys
/// (IAM: "Multivalued context keys").
/// </summary>
public enum SetQualifier
{
    None,

    /// <summary><c>ForAllValues:</c> every request value must satisfy the operator; true on a missing key.</summary>
    ForAllValues,

    /// <summary><c>ForAnyValue:</c> at least one request value must satisfy it; false on a missing key.</summary>
    ForAnyValue,
}
