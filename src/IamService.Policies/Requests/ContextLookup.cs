using System.Diagnostics.CodeAnalysis;

namespace IamService.Policies;

/// <summary>Finds a policy's context key in the request: the context first, then the principal's tags.</summary>
internal static class ContextLookup
{
    public static bool TryGetEntry(
        ContextKeyRef key,
        in AccessRequest request,
        [NotNullWhen(true)] out ContextEntry? entry)
    {
        if (request.Context.TryGetEntry(key.Name, out entry))
        {
            return true;
        }

        return key.PrincipalTagKey is { } tag && request.Principal.TryGetTagEntry(tag, out entry);
    }

    /// <summary>The value a policy variable stands for: a single-valued key with exactly one value.</summary>
    public static bool TryGetSingleText(
        ContextKeyRef key,
        in AccessRequest request,
        [NotNullWhen(true)] out string? text)
    {
        if (TryGetEntry(key, in request, out var entry) && !entry.IsList && entry.Values.Length == 1)
        {
            text = entry.Values[0].Text;
            return true;
        }

        text = null;
        return false;
    }
}
