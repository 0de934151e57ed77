using IamService.Data.Common;
using IamService.Data.Groups;
using IamService.Data.Policies;
using IamService.Data.Roles;
using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace IamService.Data;

/// <summary>The one DbContext of the service; the provider (PostgreSQL or SQLite) is chosen by the host.</summary>
public sealed class IamDbContext(DbContextOptions<IamDbContext> options) : DbContext(options)
{
    /// <summary>PostgreSQL's byte-order collation, the same order as SQLite's default BINARY collation.</summary>
    private const string ByteOrderCollation = "C";

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<RootUser> RootUsers => Set<RootUser>();

    public DbSet<User> Users => Set<User>();

    public DbSet<UserTag> UserTags => Set<UserTag>();

    public DbSet<UserInlinePolicy> UserInlinePolicies => Set<UserInlinePolicy>();

    public DbSet<UserPolicyAttachment> UserPolicyAttachments => Set<UserPolicyAttachment>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();

    public DbSet<GroupTag> GroupTags => Set<GroupTag>();

    public DbSet<GroupInlinePolicy> GroupInlinePolicies => Set<GroupInlinePolicy>();

    public DbSet<GroupPolicyAttachment> GroupPolicyAttachments => Set<GroupPolicyAttachment>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<RoleTag> RoleTags => Set<RoleTag>();

    public DbSet<RoleInlinePolicy> RoleInlinePolicies => Set<RoleInlinePolicy>();

    public DbSet<RolePolicyAttachment> RolePolicyAttachments => Set<RolePolicyAttachment>();

    public DbSet<ManagedPolicy> ManagedPolicies => Set<ManagedPolicy>();

    public DbSet<ManagedPolicyVersion> ManagedPolicyVersions => Set<ManagedPolicyVersion>();

    public DbSet<ManagedPolicyTag> ManagedPolicyTags => Set<ManagedPolicyTag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IamDbContext).Assembly);

        if (Database.IsNpgsql())
        {
            // Normalized names and keys are compared and ordered byte by byte, so that ORDER BY, the unique
            // indexes and keyset paging agree on both providers whatever the database's default collation; paths
            // too, so that a path prefix is a range of the path index.
            var byteOrdered = modelBuilder.Model.GetEntityTypes()
                .SelectMany(e => e.GetProperties())
                .Where(p => p.Name is nameof(INamed.NormalizedName)
                    or nameof(EntityTag.NormalizedKey)
                    or nameof(IamEntity.Path));
            foreach (var property in byteOrdered)
            {
                property.SetCollation(ByteOrderCollation);
            }
        }
    }
}
