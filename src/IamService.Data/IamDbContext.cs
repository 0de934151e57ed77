using Microsoft.EntityFrameworkCore;

namespace IamService.Data;

/// <summary>The one DbContext of the service; the provider (PostgreSQL or SQLite) is chosen by the host.</summary>
public sealed class IamDbContext(DbContextOptions<IamDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<RootUser> RootUsers => Set<RootUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IamDbContext).Assembly);
    }
}
