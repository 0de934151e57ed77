using IamService.Policies;

namespace IamService.Benchmarks;

/// <summary>
/// A user of the synthetic account with its policies, its compiled set and the contexts its requests use.
/// </summary>
public sealed record SyntheticPrincipal(
    RequestPrincipal Principal,
    string[] PolicyJson,
    GeneratedStatement[] Statements,
    PolicySet Set,
    RequestContext[] Contexts);
