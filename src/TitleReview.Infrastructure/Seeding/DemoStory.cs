using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// Tells the demo's story through the front door: each step is a real command, sent in a scope of
/// its own as a request would be, on the <see cref="ReplayServices"/> whose clock stands at the
/// step's instant. Between steps the workflow clock fires every timer that fell due, at its due time.
/// </summary>
internal sealed class DemoStory : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ReplayClock _clock;

    private DemoStory(ServiceProvider services, ReplayClock clock)
    {
        _services = services;
        _clock = clock;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    public static DemoStory Begin(IServiceProvider app, DateTimeOffset start)
    {
        var clock = new ReplayClock(start);
        var services = ReplayServices.Build(app, clock, replay =>
        {
            replay.AddScoped<AccountProvisioning>();
            replay.AddScoped<IAccountProvisioning, DemoAccountProvisioning>();
        });
        return new DemoStory(services, clock);
    }

    /// <summary>Moves the story to <paramref name="instant"/>, timer by timer, firing each when it falls due.</summary>
    public async Task AtAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        while (await NextDueAsync(instant, cancellationToken) is { } due)
        {
            _clock.MoveTo(due.AddSeconds(1));
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IWorkflowClock>().RunAsync(cancellationToken);
        }

        _clock.MoveTo(instant);
    }

    /// <summary>Sends <paramref name="command"/> to its use case, as a page or the API would.</summary>
    public async Task<TResult> SendAsync<TCommand, TResult>(TCommand command, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IHandler<TCommand, TResult>>().HandleAsync(command, cancellationToken);
    }

    /// <summary>The demo person as signing in makes them: name, roles and unit from the account.</summary>
    public async Task<WorkflowActor> ActorAsync(string userName)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"Demo account {userName} is missing.");
        return new WorkflowActor(user.Id, user.DisplayName, [.. await users.GetRolesAsync(user)], user.UnitId);
    }

    /// <summary>What the story needs to know to go on (an item's key, a dossier's scans), read as it stands now.</summary>
    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private Task<DateTimeOffset?> NextDueAsync(DateTimeOffset until, CancellationToken cancellationToken) =>
        ReadAsync(db => db.WorkflowBookmarks.AsNoTracking()
            .Where(b => b.Status == BookmarkStatus.Pending && b.DueAt <= until)
            .OrderBy(b => b.DueAt)
            .Select(b => (DateTimeOffset?)b.DueAt)
            .FirstOrDefaultAsync(cancellationToken));
}
