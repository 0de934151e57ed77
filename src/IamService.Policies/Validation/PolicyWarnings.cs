namespace IamService.Policies;

/// <summary>Legal statement shapes that are risky or do not do what they seem to; the document is accepted.</summary>
internal static class PolicyWarnings
{
    public static void Check(
        PolicyStatement statement,
        string path,
        string actionPath,
        string? resourcePath,
        ProblemList problems)
    {
        if (statement.Effect != PolicyEffect.Allow)
        {
            return;
        }

        // IAM "NotAction" / "NotResource": with Allow they grant everything not listed, including actions and
        // resources that do not exist yet.
        if (statement.IsNotAction)
        {
            problems.Warn(PolicyProblemCode.AllowWithNotAction, actionPath,
                "Allow with NotAction grants every action not listed, including future ones; list the allowed "
                + "actions in Action instead.");
        }

        if (statement.IsNotResource)
        {
            problems.Warn(PolicyProblemCode.AllowWithNotResource, resourcePath ?? path,
                "Allow with NotResource grants every resource not listed; list the allowed resources in Resource "
                + "instead.");
        }

        var onAnyResource = !statement.IsNotResource && statement.Resources.Contains("*");
        if (!statement.IsNotAction && onAnyResource && statement.Actions.Any(a => a is "*" or "*:*"))
        {
            problems.Warn(PolicyProblemCode.AllowsAllActionsOnAllResources, path,
                "This statement allows every action on every resource (full administrator access); narrow Action "
                + "or Resource unless that is intended.");
        }

        if (!statement.IsNotAction && onAnyResource
            && statement.Actions.Any(a => ActionPattern.Parse(a).IsMatch("iam", "PassRole")))
        {
            problems.Warn(PolicyProblemCode.PassRoleOnAnyResource, path,
                "iam:PassRole on \"*\" lets the holder pass any role to a service, and so gain that role's "
                + "permissions; list the role ARNs that may be passed.");
        }
    }

    /// <summary>
    /// 2012-10-17: a <c>${...}</c> must be a well-formed variable. 2008-10-17 (or no Version): it is plain text,
    /// which is rarely what the author meant (IAM: "Version" and "Policy variables").
    /// </summary>
    public static void CheckVariables(string text, string path, bool variables, ProblemList problems, ref bool failed)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return;
        }

        if (!variables)
        {
            problems.Warn(PolicyProblemCode.VariablesInLegacyVersion, path,
                $"'{text}' looks like it uses a policy variable, but without \"Version\": \"{PolicyVersions.Current}\" "
                + "it is matched as literal text; add that Version.");
            return;
        }

        var error = PolicyVariableSyntax.Tokenize(text, PatternSyntax.Variables, []);
        if (error is not null)
        {
            failed = true;
            problems.Error(PolicyProblemCode.InvalidPolicyVariable, path, error);
        }
    }
}
