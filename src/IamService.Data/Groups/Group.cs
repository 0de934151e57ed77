using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Groups;

/// <summary>An IAM group: a set of users that receive the group's policies. Groups do not nest.</summary>
public sealed class Group(string id, string name, string path, DateTimeOffset createDate)
    : IamEntity(id, name, path, createDate)
{
    public const int MaxNameLength = 128;

    public List<GroupTag> Tags { get; set; } = [];
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder) => builder.ConfigureIamEntity(Group.MaxNameLength);
}
