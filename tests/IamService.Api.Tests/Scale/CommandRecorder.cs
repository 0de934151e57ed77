using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace IamService.Api.Tests.Scale;

/// <summary>
/// Records the SQL commands EF Core runs on one database, with their parameters, from EF Core's diagnostic
/// events. The events are process-wide, so commands on other tests' databases are left out.
/// </summary>
public sealed class CommandRecorder
    : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<RecordedCommand> _commands = new();

    public CommandRecorder(string database)
    {
        _database = database;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>The commands run since the last call, oldest first.</summary>
    public IReadOnlyList<RecordedCommand> Take()
    {
        var taken = new List<RecordedCommand>();
        while (_commands.TryDequeue(out var command))
        {
            taken.Add(command);
        }

        return taken;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData { Command: NpgsqlCommand command }
            && command.Connection?.Database == _database)
        {
            _commands.Enqueue(new RecordedCommand(command.CommandText, [.. command.Parameters.Select(p => p.Clone())]));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
