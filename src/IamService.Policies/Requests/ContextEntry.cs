namespace IamService.Policies;

/// <summary>A context key's values and declared type.</summary>
internal sealed class ContextEntry(ContextKeyType type, ContextValue[] values)
{
    public ContextKeyType Type { get; } = type;

    public ContextValue[] Values { get; } = values;

    /// <summary>A single-valued string key.</summary>
    public static ContextEntry Text(string value) => new(ContextKeyType.String, [ContextValue.FromText(value)]);

    /// <summary>Multivalued keys cannot be used as policy variables (IAM: "Policy variables").</summary>
    public bool IsList => Type is ContextKeyType.StringList or ContextKeyType.NumericList
        or ContextKeyType.BooleanList or ContextKeyType.IpList or ContextKeyType.BinaryList
        or ContextKeyType.DateList;
}
