using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TitleReview.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands one HTTP request makes the application execute (ADR 0026). The
/// interceptor is added to every <c>AppDbContext</c> of the host, so Identity's queries (the
/// sign-in cookie's security stamp, the claims) count as much as the page's own. A measurement
/// is scoped by an <see cref="AsyncLocal{T}"/> that the test server carries into the request
/// (<c>PreserveExecutionContext</c>), so only the measured request's commands are recorded, not
/// those of a test's own setup or of background jobs.
/// </summary>
public sealed class QueryBudget : DbCommandInterceptor
{
    private static readonly AsyncLocal<List<string>?> Recording = new();

    /// <summary>Sends the request and returns its status and every command executed while it ran.</summary>
    public async Task<QueryMeasurement> MeasureAsync(Func<Task<HttpResponseMessage>> request)
    {
        var commands = new List<string>();
        Recording.Value = commands;
        try
        {
            using var response = await request();
            QueryMeasurement measured;
            lock (commands)
            {
                measured = new QueryMeasurement(response.StatusCode, [.. commands]);
            }

            TestContext.Out.WriteLine($"{measured.Count,3} SQL commands: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} → {(int)measured.Status}");
            return measured;
        }
        finally
        {
            Recording.Value = null;
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    private static T Record<T>(DbCommand command, T result)
    {
        if (Recording.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(command.CommandText);
            }
        }

        return result;
    }
}

/// <summary>What one request executed: its status and the text of each SQL command, in order.</summary>
public sealed record QueryMeasurement(HttpStatusCode Status, IReadOnlyList<string> Commands)
{
    public int Count => Commands.Count;

    public QueryMeasurementAssertions Should() => new(this);

    /// <summary>The commands numbered, so a repeated one (an N+1) stands out in a failure.</summary>
    public string Listing()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Commands.Count; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"--- command {i + 1} of {Commands.Count}\n{Commands[i]}\n");
        }

        return text.ToString();
    }
}

public sealed class QueryMeasurementAssertions(QueryMeasurement subject)
{
    public QueryMeasurementAssertions And => this;

    /// <summary>The request executed at most <paramref name="budget"/> commands.</summary>
    public QueryMeasurementAssertions StayWithin(int budget, string because = "")
    {
        Fail(
            subject.Count <= budget,
            $"expected at most {budget} SQL commands{Because(because)}, but the request executed {subject.Count}:\n{subject.Listing()}");
        return this;
    }

    /// <summary>The request executed as many commands as <paramref name="smaller"/>, measured with fewer rows.</summary>
    public QueryMeasurementAssertions NotGrowFrom(QueryMeasurement smaller, string because = "")
    {
        Fail(
            subject.Count <= smaller.Count,
            $"expected the SQL command count not to grow with the rows shown{Because(because)}, but it went from {smaller.Count} to {subject.Count}. "
            + $"With more rows:\n{subject.Listing()}With fewer rows:\n{smaller.Listing()}");
        return this;
    }

    /// <summary>The request succeeded with <paramref name="status"/>: a refused request would measure the wrong path.</summary>
    public QueryMeasurementAssertions HaveStatus(HttpStatusCode status)
    {
        Fail(subject.Status == status, $"expected the measured request to answer {(int)status}, but it answered {(int)subject.Status}.");
        return this;
    }

    private static string Because(string because) => string.IsNullOrEmpty(because) ? string.Empty : " because " + because;

    // NUnit's exception, thrown rather than Assert.Fail, which would mark the test failed even
    // where a test expects the failure; not FluentAssertions', whose messages read the SQL's
    // braces as placeholders.
    private static void Fail(bool condition, string message)
    {
        if (!condition)
        {
            throw new AssertionException(message);
        }
    }
}
