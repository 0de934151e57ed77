namespace IamService.Benchmarks;

/// <summary>
/// What the generator put into one statement, kept so requests can be aimed at it. A null resource number
/// stands for "*"; <see cref="Parameter"/> is the team or IP block a condition names.
/// </summary>
public sealed record GeneratedStatement(
    bool Deny,
    ServiceCatalog Service,
    string[] Actions,
    int?[] Resources,
    ConditionKind Condition,
    int Parameter);
