namespace IamService.Benchmarks;

/// <summary>
/// How many policies each principal of the synthetic account holds, and how many statements each policy has.
/// </summary>
public sealed record AccountShape(string Name, int PoliciesPerPrincipal, int StatementsPerPolicy)
{
    public static AccountShape Small { get; } = new("small", 5, 5);

    public static AccountShape Large { get; } = new("large", 20, 10);

    public static AccountShape FromName(string name) => name switch
    {
        "small" => Small,
        "large" => Large,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use 'small' or 'large'."),
    };

    public override string ToString() => Name;
}
