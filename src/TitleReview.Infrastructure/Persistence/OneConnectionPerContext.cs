using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TitleReview.Infrastructure.Persistence;

/// <summary>
/// Keeps a context's SQLite connection open from its first command until the context is
/// disposed (the end of the request or job), instead of opening and closing it around every
/// command. Each open takes the connection pool's lock and re-registers EF's SQL functions on
/// the native handle, and each close unregisters them under that lock; a page of sixteen
/// commands paid that sixteen times, and under load the requests queued on the lock.
/// </summary>
/// <remarks>
/// EF closes only a connection it opened itself: once a close is suppressed, the connection is
/// open when the next command starts, EF treats it as the caller's, and disposing the context
/// returns it to the pool. SQLite only: SQL Server's retrying execution strategy relies on
/// closing a broken connection.
/// </remarks>
internal sealed class OneConnectionPerContext : DbConnectionInterceptor
{
    public static readonly OneConnectionPerContext Instance = new();

    private OneConnectionPerContext()
    {
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}
