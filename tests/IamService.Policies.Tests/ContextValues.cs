namespace IamService.Policies.Tests;

/// <summary>Short notation for one test context key: null is absent, "a|b" a list, "[]" an empty list.</summary>
internal static class ContextValues
{
    public const string Key = "test:Key";

    public static RequestContext With(string? values, ContextKeyType? type = null)
    {
        var builder = new RequestContextBuilder();
        if (values is null)
        {
            return builder.Build();
        }

        if (values == "[]")
        {
            return builder.Add(Key, Array.Empty<string>()).Build();
        }

        var parts = values.Split('|');
        var keyType = type ?? (parts.Length > 1 ? ContextKeyType.StringList : ContextKeyType.String);
        return builder.Add(Key, keyType, parts).Build();
    }
}
