using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TitleReview.Web.Hosting;

/// <summary>The names of the per-address rate limit policies, for <c>[EnableRateLimiting]</c> and <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>POST of the sign-in page; tighter than the per-account lockout, so an address is slowed before an account is locked.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Unit and applicant registration (pages and API); only POST counts.</summary>
    public const string Registration = "registration";

    /// <summary>Public look-ups: the unit registration status, its API, and document verification; every request counts.</summary>
    public const string Lookup = "lookup";

    /// <summary>Forgotten-password and reset pages; only POST counts.</summary>
    public const string PasswordReset = "password-reset";
}

/// <summary>One policy's allowance: <see cref="PermitLimit"/> requests per address in each <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>The <c>RateLimits</c> configuration section, for example <c>RateLimits:SignIn:PermitLimit</c>.</summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "RateLimits";

    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 4, Window = TimeSpan.FromMinutes(1) };

    public RateLimitRule Registration { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    public RateLimitRule Lookup { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };
}

internal static class RateLimits
{
    /// <summary>
    /// Fixed windows per remote address (after the forwarded-headers middleware has put the
    /// client's address there). A refusal is a 429 with Retry-After; its Chinese body comes
    /// from the status code pages (ProblemDetails under /api, the error page elsewhere).
    /// </summary>
    public static IServiceCollection AddPerAddressRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.SectionName);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(RateLimitPolicies.SignIn, context => Partition(context, RateLimitPolicies.SignIn, s => s.SignIn, postsOnly: true));
            options.AddPolicy(RateLimitPolicies.Registration, context => Partition(context, RateLimitPolicies.Registration, s => s.Registration, postsOnly: true));
            options.AddPolicy(RateLimitPolicies.Lookup, context => Partition(context, RateLimitPolicies.Lookup, s => s.Lookup, postsOnly: false));
            options.AddPolicy(RateLimitPolicies.PasswordReset, context => Partition(context, RateLimitPolicies.PasswordReset, s => s.PasswordReset, postsOnly: true));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<RateLimitSettings, RateLimitRule> rule, bool postsOnly)
    {
        // Opening a form (GET) must not use up the budget for sending it.
        if (postsOnly && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var allowance = rule(context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = allowance.PermitLimit,
            Window = allowance.Window,
            QueueLimit = 0,
        });
    }
}
