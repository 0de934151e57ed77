namespace IamService.Benchmarks;

/// <summary>The condition a generated statement carries.</summary>
public enum ConditionKind
{
    None,
    Team,
    Ip,
    Mfa,
}
