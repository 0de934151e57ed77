using System.Linq.Expressions;
using IamService.Api.Common;
using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.EntityPolicies;

/// <summary>
/// What differs between users, groups and roles as holders of policies: their attachment and inline policy
/// tables, the column naming the holder in both, the quota on the size of their inline policies, and whether
/// they can have a permissions boundary. <see cref="EntityPolicyService{TEntity, TAttachment, TInline}"/> is written
/// once against
/// this.
/// </summary>
public sealed class PolicyHolder<TEntity, TAttachment, TInline>
    where TEntity : IamEntity
    where TAttachment : class
    where TInline : InlinePolicy
{
    public required EntityKind Kind { get; init; }

    /// <summary>The column naming the holder in its attachment and inline policy tables, such as
    /// <c>UserId</c>.</summary>
    public required string OwnerColumn { get; init; }

    /// <summary>The most characters (without white space) all of one holder's inline policies may have
    /// together.</summary>
    public required int InlineSizeLimit { get; init; }

    public required bool HasPermissionsBoundary { get; init; }

    public required Func<string, string, TAttachment> NewAttachment { get; init; }

    /// <summary>Makes an inline policy from the holder's id, the policy's name and its document.</summary>
    public required Func<string, string, string, TInline> NewInline { get; init; }

    public Expression<Func<TAttachment, bool>> AttachmentsOf(string ownerId)
    {
        var column = OwnerColumn;
        return a => EF.Property<string>(a, column) == ownerId;
    }

    public Expression<Func<TInline, bool>> InlinePoliciesOf(string ownerId)
    {
        var column = OwnerColumn;
        return p => EF.Property<string>(p, column) == ownerId;
    }
}
