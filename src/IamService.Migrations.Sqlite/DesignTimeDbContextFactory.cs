using IamService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IamService.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IamDbContext>
{
    public IamDbContext CreateDbContext(string[] args)
    {
        var migrationsAssembly = GetType().Assembly.GetName().Name;
        var options = new DbContextOptionsBuilder<IamDbContext>()
            .UseSqlite("Data Source=iam-design.db", sqlite => sqlite.MigrationsAssembly(migrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .Options;
        return new IamDbContext(options);
    }
}
