using IamService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IamService.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IamDbContext>
{
    public IamDbContext CreateDbContext(string[] args)
    {
        var migrationsAssembly = GetType().Assembly.GetName().Name;
        var options = new DbContextOptionsBuilder<IamDbContext>()
            .UseNpgsql("Host=localhost;Database=iam_design", npgsql => npgsql.MigrationsAssembly(migrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .Options;
        return new IamDbContext(options);
    }
}
