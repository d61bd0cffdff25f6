using System.Data.Common;

namespace Verkstallighet.Workflows.Activities;

/// <summary>The connection and transaction a step saves in; domain data written here commits or rolls back with it.</summary>
public sealed record StepTransaction(DbConnection Connection, DbTransaction Transaction, Guid InstanceId);
