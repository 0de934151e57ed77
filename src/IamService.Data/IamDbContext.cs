using IamService.Data.Common;
using IamService.Data.Credentials;
using IamService.Data.Groups;
using IamService.Data.Policies;
using IamService.Data.Roles;
using IamService.Data.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IamService.Data;

/// <summary>The one DbContext of the service; the provider (PostgreSQL or SQLite) is chosen by the host.</summary>
public sealed class IamDbContext(DbContextOptions<IamDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
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

    public DbSet<LoginProfile> LoginProfiles => Set<LoginProfile>();

    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    public DbSet<PasswordPolicy> PasswordPolicies => Set<PasswordPolicy>();

    public DbSet<MfaDevice> MfaDevices => Set<MfaDevice>();

    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();

    public DbSet<SignInChallenge> SignInChallenges => Set<SignInChallenge>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date type: stored as UTC ticks, instants compare and order correctly in queries
            // (expiry, lockout windows), which they would not as text.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

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
