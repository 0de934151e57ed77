namespace IamService.Api.PasswordPolicy;

/// <summary>One rule a password breaks: the policy field (or extra check) that names it and what it asks.</summary>
/// <param name="Rule">
/// A policy field such as <c>minimumPasswordLength</c>, or <c>commonPassword</c> / <c>containsUserName</c>.
/// </param>
public sealed record PasswordRuleViolation(string Rule, string Detail);
