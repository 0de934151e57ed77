using System.Diagnostics.CodeAnalysis;

namespace IamService.Policies;

/// <summary>
/// The type of a request context value, mirroring the IAM policy simulator's ContextKeyType
/// (string, stringList, numeric, numericList, ...). List types are multivalued keys.
/// </summary>
[SuppressMessage(
    "Naming",
    "CA1720:Identifier contains type name",
    Justification = "The names are the IAM policy simulator's context key types.")]
public enum ContextKeyType
{
    String,
    StringList,
    Numeric,
    NumericList,
    Boolean,
    BooleanList,
    Ip,
    IpList,
    Binary,
    BinaryList,
    Date,
    DateList,
}
