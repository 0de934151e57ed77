using Npgsql;

namespace IamService.Api.Tests.Scale;

/// <summary>A command as EF Core ran it: its SQL and a copy of its parameters, enough to EXPLAIN it again.</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);
