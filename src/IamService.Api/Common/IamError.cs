using System.Globalization;
using IamService.Api.Errors;

namespace IamService.Api.Common;

/// <summary>
/// An expected failure: an IAM error code, the HTTP status it travels with and a detail that tells the
/// caller what to fix. Services return these; <see cref="IamControllerBase"/> turns them into problems.
/// </summary>
public sealed record IamError(string Code, int Status, string Detail)
{
    /// <summary>Extra members for the problem body, such as what still blocks a delete.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static IamError NoSuchEntity(EntityKind kind, string name) => new(
        IamErrorCode.NoSuchEntity, StatusCodes.Status404NotFound,
        $"The {kind.ResourceType} with name {name} cannot be found.");

    public static IamError NoSuchEntity(string detail) => new(
        IamErrorCode.NoSuchEntity, StatusCodes.Status404NotFound, detail);

    /// <summary>A policy ARN that names no managed policy of this account (IAM's wording).</summary>
    public static IamError NoSuchPolicy(string arn) => new(
        IamErrorCode.NoSuchEntity, StatusCodes.Status404NotFound,
        $"Policy {arn} does not exist or is not attachable.");

    public static IamError EntityAlreadyExists(EntityKind kind, string name) => new(
        IamErrorCode.EntityAlreadyExists, StatusCodes.Status409Conflict,
        $"{kind.Title} with name {name} already exists. Names are unique regardless of case.");

    /// <summary>A quota from <see cref="LimitsOptions"/> or IAM's fixed ones would be exceeded.</summary>
    public static IamError LimitExceeded(string quota, int limit) => new(
        IamErrorCode.LimitExceeded, StatusCodes.Status409Conflict,
        string.Create(CultureInfo.InvariantCulture, $"Cannot exceed quota for {quota}: {limit}."));

    public static IamError DeleteConflict(string detail, IReadOnlyDictionary<string, object?> remaining) => new(
        IamErrorCode.DeleteConflict, StatusCodes.Status409Conflict, detail)
    {
        Extensions = new Dictionary<string, object?> { ["remaining"] = remaining },
    };

    /// <summary>A value breaks a constraint of the API's model (length, pattern, range): IAM's
    /// ValidationError.</summary>
    public static IamError Validation(string detail) => new(
        IamErrorCode.ValidationError, StatusCodes.Status400BadRequest, $"1 validation error detected: {detail}");

    /// <summary>A well-formed value that the operation cannot accept: IAM's InvalidInput.</summary>
    public static IamError InvalidInput(string detail) => new(
        IamErrorCode.InvalidInput, StatusCodes.Status400BadRequest, detail);

    /// <summary>A request body that is not sent as JSON.</summary>
    public static IamError JsonBodyRequired { get; } = new(
        IamErrorCode.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType,
        "Send the request body as JSON, with Content-Type: application/json.");

    public static IamError MalformedPolicyDocument(string detail) => new(
        IamErrorCode.MalformedPolicyDocument, StatusCodes.Status400BadRequest, detail);
}
