namespace IamService.Policies;

/// <summary>What every slot of a policy set contributed to one request: the input of the decision table.</summary>
internal readonly record struct EvaluationFacts(
    ScanResult Identity,
    ScanResult Resource,
    ScanResult? Boundary,
    ScanResult? Session,
    bool SameAccount);
