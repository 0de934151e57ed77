namespace IamService.Policies;

/// <summary>The value type an operator compares, which decides how policy and request values are read.</summary>
internal enum OperatorFamily
{
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}
