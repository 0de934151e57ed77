using System.Collections.Immutable;
using System.Text.Json;

namespace IamService.Policies;

/// <summary>
/// Walks a policy's JSON (IAM: "Grammar of the IAM JSON policy language"), recording every problem instead of
/// stopping at the first, and builds the document only when there was no error. Element names are matched as
/// IAM spells them.
/// </summary>
internal sealed class PolicyReader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private readonly PolicyParseOptions _options;
    private readonly ProblemList _problems = new();
    private bool _variables;

    public PolicyReader(PolicyParseOptions options)
    {
        _options = options;
    }

    public PolicyParseResult Read(string json)
    {
        CheckSize(json);

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            _problems.Error(
                PolicyProblemCode.MalformedJson,
                "$",
                $"The document is not valid JSON (line {exception.LineNumber + 1}, byte "
                + $"{exception.BytePositionInLine + 1}); fix the syntax there.");
            return Result(null);
        }

        using (parsed)
        {
            var document = ReadDocument(parsed.RootElement);
            return Result(_problems.Errors.Count == 0 ? document : null);
        }
    }

    private PolicyParseResult Result(PolicyDocument? document) =>
        new(document, [.. _problems.Errors], [.. _problems.Warnings]);

    /// <summary>IAM counts a policy's size without white space (IAM: "IAM and AWS STS quotas").</summary>
    private void CheckSize(string json)
    {
        if (_options.MaxCharacters is not { } limit)
        {
            return;
        }

        var size = json.Count(c => !char.IsWhiteSpace(c));
        if (size > limit)
        {
            _problems.Error(
                PolicyProblemCode.PolicyTooLarge,
                "$",
                $"The policy has {size} characters without white space; the limit here is {limit}. "
                + "Shorten it or split it into several policies.");
        }
    }

    private PolicyDocument? ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            _problems.Error(PolicyProblemCode.WrongType, "$",
                "A policy must be a JSON object with Version and Statement elements.");
            return null;
        }

        string? version = null;
        string? id = null;
        ImmutableArray<PolicyStatement>? statements = null;
        var properties = Properties(root, "$", StringComparer.Ordinal);

        // The version decides how the statements are read, wherever it appears in the object.
        foreach (var property in properties.Where(p => p.Name == "Version"))
        {
            version = ReadVersion(property.Value);
        }

        _variables = version == PolicyVersions.Current;
        foreach (var property in properties)
        {
            var path = ProblemList.Child("$", property.Name);
            switch (property.Name)
            {
                case "Version":
                    break;
                case "Id":
                    id = ReadString(property.Value, path, "Id");
                    break;
                case "Statement":
                    statements = ReadStatements(property.Value, path);
                    break;
                default:
                    _problems.Error(PolicyProblemCode.UnknownElement, path,
                        $"'{property.Name}' is not a policy element; the top level allows Version, Id and Statement.");
                    break;
            }
        }

        if (statements is null && !properties.Any(p => p.Name == "Statement"))
        {
            _problems.Error(PolicyProblemCode.MissingElement, "$", "The policy has no Statement element; add one.");
        }

        return statements is { } list ? new PolicyDocument(version, id, _options.Type, list) : null;
    }

    private string? ReadVersion(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String
            && value.GetString() is PolicyVersions.Current or PolicyVersions.Legacy)
        {
            return value.GetString();
        }

        _problems.Error(PolicyProblemCode.InvalidVersion, "$.Version",
            $"Version must be \"{PolicyVersions.Current}\" (or the legacy \"{PolicyVersions.Legacy}\").");
        return null;
    }

    private ImmutableArray<PolicyStatement>? ReadStatements(JsonElement value, string path)
    {
        var elements = new List<(JsonElement Element, string Path)>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                elements.Add((value, path));
                break;
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                _problems.Error(PolicyProblemCode.EmptyValue, path, "Statement is empty; add at least one statement.");
                return null;
            case JsonValueKind.Array:
                elements.AddRange(value.EnumerateArray().Select((e, i) => (e, ProblemList.Item(path, i))));
                break;
            default:
                _problems.Error(PolicyProblemCode.WrongType, path,
                    "Statement must be a statement object or an array of statement objects.");
                return null;
        }

        var statements = new List<PolicyStatement>();
        var sids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < elements.Count; index++)
        {
            var (element, statementPath) = elements[index];
            var statement = new StatementReader(_problems, _options.Type, _variables)
                .Read(element, statementPath, index);
            if (statement?.Sid is { } sid && !sids.TryAdd(sid, index))
            {
                _problems.Error(PolicyProblemCode.DuplicateSid, ProblemList.Child(statementPath, "Sid"),
                    $"Sid '{sid}' is already used by statement {sids[sid]}; give each statement a unique Sid.");
            }

            if (statement is not null)
            {
                statements.Add(statement);
            }
        }

        return statements.Count == elements.Count ? [.. statements] : null;
    }

    private string? ReadString(JsonElement value, string path, string element)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        _problems.Error(PolicyProblemCode.WrongType, path, $"{element} must be a string, such as \"Reports\".");
        return null;
    }

    /// <summary>An object's properties, reporting and dropping repeated names (JSON allows them, IAM not).</summary>
    internal static List<JsonProperty> Properties(
        JsonElement element,
        string path,
        StringComparer comparer,
        ProblemList problems)
    {
        var seen = new HashSet<string>(comparer);
        var properties = new List<JsonProperty>();
        foreach (var property in element.EnumerateObject())
        {
            if (seen.Add(property.Name))
            {
                properties.Add(property);
                continue;
            }

            problems.Error(PolicyProblemCode.DuplicateKey, ProblemList.Child(path, property.Name),
                $"'{property.Name}' appears more than once in the same object; keep only one.");
        }

        return properties;
    }

    private List<JsonProperty> Properties(JsonElement element, string path, StringComparer comparer) =>
        Properties(element, path, comparer, _problems);
}
