using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Calendars;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>The application's service registrations as the host finally has them, kept for <see cref="ReplayServices"/>.</summary>
internal sealed class ServiceRegistrations(IServiceCollection services)
{
    public IReadOnlyList<ServiceDescriptor> All => [.. services];
}

/// <summary>
/// The application's own services with time replaced by a <see cref="ReplayClock"/>, so the demo
/// story sends the real commands and every handler, guard, window and journal entry sees the
/// instant the step happened. The container cannot override a registration for one scope, so the
/// replay builds a provider of its own from the app's registrations with the clock swapped.
/// Process-wide machinery (Hangfire's storage is global, logging writes the app's files) and the
/// data loaded at start-up (definitions, calendar, paths) are the app's own instances, not copies.
/// </summary>
internal static class ReplayServices
{
    private static readonly IReadOnlySet<Type> Shared = new HashSet<Type>
    {
        typeof(ILoggerFactory),
        typeof(IWorkflowDefinitions),
        typeof(WorkingDayCalendar),
        typeof(StoragePaths),
    };

    /// <param name="overrides">What the replay registers after the app's services (the demo's people already hold accounts).</param>
    public static ServiceProvider Build(IServiceProvider app, ReplayClock clock, Action<IServiceCollection> overrides)
    {
        IServiceCollection services = new ServiceCollection();
        var shared = new HashSet<Type>();
        foreach (var descriptor in app.GetRequiredService<ServiceRegistrations>().All)
        {
            if (descriptor.ServiceType == typeof(TimeProvider) || descriptor.ServiceType == typeof(IHostedService))
            {
                continue;
            }

            if (IsShared(descriptor))
            {
                if (shared.Add(descriptor.ServiceType))
                {
                    foreach (var instance in app.GetServices(descriptor.ServiceType))
                    {
                        // As an instance, so disposing the replay leaves the app's own untouched.
                        services.AddSingleton(descriptor.ServiceType, instance!);
                    }
                }

                continue;
            }

            services.Add(descriptor);
        }

        services.AddSingleton<TimeProvider>(clock);
        overrides(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static bool IsShared(ServiceDescriptor descriptor) =>
        descriptor is { Lifetime: ServiceLifetime.Singleton, IsKeyedService: false }
        && !descriptor.ServiceType.IsGenericTypeDefinition
        && (Shared.Contains(descriptor.ServiceType) || descriptor.ServiceType.Assembly.GetName().Name!.StartsWith("Hangfire", StringComparison.Ordinal));
}
