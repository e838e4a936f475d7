using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.WebEncoders;
using TitleReview.Domain.Identity;
using TitleReview.Web.Manual;

namespace TitleReview.Web.Hosting;

internal static class WebHostingExtensions
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public const string AuthCookieName = "TitleReview.Auth";

    /// <summary>The longest path and query string the app answers; longer ones get a 414.</summary>
    public const int MaxRequestTargetLength = 8 * 1024;

    public static IServiceCollection AddWebHosting(this IServiceCollection services, IHostEnvironment environment)
    {
        // Secure cookies everywhere but on a developer's plain-http localhost, where the
        // antiforgery system refuses a Secure cookie on a non-TLS request (ADR 0005).
        var securePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        // Chinese text is written as it is, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new StrictEnumConverter());
        });

        // Unreadable input always reaches ApiExceptionHandler (which names the field), not only in Development.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Kestrel accepts request lines a little longer than the app allows, so the app's own
        // Chinese 414 answers an over-long address (see UseRequestTargetLimit).
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = 2 * MaxRequestTargetLength);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = AuthCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Office, p => p.RequireRole(Roles.Office, Roles.Inspector))
            .AddPolicy(Policies.Auditor, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Policies.Applicant, p => p.RequireRole(Roles.Applicant))
            .AddPolicy(Policies.Expert, p => p.RequireRole(Roles.Expert));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "TitleReview.Antiforgery";
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Office", Policies.Office);
                options.Conventions.AuthorizeFolder("/Auditor", Policies.Auditor);
                options.Conventions.AuthorizeFolder("/Applicant", Policies.Applicant);
                options.Conventions.AuthorizeFolder("/Expert", Policies.Expert);
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Account/Activate");
                options.Conventions.AllowAnonymousToPage("/Verify");
                options.Conventions.AllowAnonymousToPage("/Account/Register");
                options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
                options.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
                options.Conventions.AllowAnonymousToFolder("/Units");
                options.Conventions.AllowAnonymousToFolder("/Help");
                options.Conventions.EnableRateLimiting("/Account/Login", RateLimitPolicies.SignIn);
                options.Conventions.EnableRateLimiting("/Account/LoginWith2fa", RateLimitPolicies.SignIn);
                options.Conventions.EnableRateLimiting("/Account/LoginWithRecoveryCode", RateLimitPolicies.SignIn);
                options.Conventions.EnableRateLimiting("/Account/ForgotPassword", RateLimitPolicies.PasswordReset);
                options.Conventions.EnableRateLimiting("/Account/ResetPassword", RateLimitPolicies.PasswordReset);
                options.Conventions.EnableRateLimiting("/Units/Form", RateLimitPolicies.Lookup);
                options.Conventions.EnableRateLimiting("/Account/Register", RateLimitPolicies.Registration);
                options.Conventions.EnableRateLimiting("/Units/Register", RateLimitPolicies.Registration);
                options.Conventions.EnableRateLimiting("/Units/Status", RateLimitPolicies.Lookup);
                options.Conventions.EnableRateLimiting("/Verify", RateLimitPolicies.Lookup);
                options.Conventions.EnableRateLimiting("/Certificate/Index", RateLimitPolicies.Lookup);
            })
            .AddMvcOptions(options => options.Filters.Add<ApplicationExceptionPageFilter>());

        // The operating manual (操作手册) is read and rendered once; every page's 帮助 link asks it (ADR 0057).
        services.AddSingleton(provider => OperatingManual.Load(provider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));

        services.AddPerAddressRateLimits();
        // An API refusal or error carries the request's correlation id too (ADR 0061).
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions[CorrelationId.ProblemDetailsKey] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TitleReview API";
            document.Info.Description = "贵州省政工专业职务任职资格申报评审系统接口";
            return Task.CompletedTask;
        }));

        return services;
    }

    /// <summary>Refuses a request whose path and query string exceed <see cref="MaxRequestTargetLength"/> with 414.</summary>
    public static IApplicationBuilder UseRequestTargetLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            var length = string.IsNullOrEmpty(raw)
                ? (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0)
                : raw.Length;
            if (length > MaxRequestTargetLength)
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                return;
            }

            await next();
        });

    /// <summary>
    /// Pages and the API: scripts only from the site's own files (no inline script or event
    /// handler), inline styles allowed, frames only of the site's own scans, and the site
    /// itself never framed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "frame-src 'self'; child-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Served scans (<c>/files/…</c>): shown inside the review pages' frames, so they may be
    /// framed by the site itself; a PDF needs the browser's viewer (<c>object-src 'self'</c>);
    /// nothing in them may run script.
    /// </summary>
    public const string FilesContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    /// <summary>
    /// The Hangfire dashboard (office only) is a third-party page built on inline scripts and
    /// handlers; it keeps 'unsafe-inline' for scripts and is otherwise held to the site's rules.
    /// </summary>
    public const string HangfireContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Security headers on every answer, chosen by the original path and set as the response
    /// starts, so error answers written after the exception handler cleared the headers keep them.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var files = path.StartsWithSegments("/files");
            var policy = files ? FilesContentSecurityPolicy
                : path.StartsWithSegments(SiteUrls.HangfireDashboardPath) ? HangfireContentSecurityPolicy
                : ContentSecurityPolicy;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = files ? "SAMEORIGIN" : "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = policy;
                return Task.CompletedTask;
            });
            await next();
        });

    private static void EnableRateLimiting(this PageConventionCollection conventions, string page, string policy) =>
        conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy)));

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
