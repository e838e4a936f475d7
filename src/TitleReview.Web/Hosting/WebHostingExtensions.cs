using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.WebEncoders;
using TitleReview.Domain.Identity;

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
            .AddPolicy(Policies.Office, p => p.RequireRole(Roles.Office))
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
                options.Conventions.AllowAnonymousToFolder("/Units");
            })
            .AddMvcOptions(options => options.Filters.Add<ApplicationExceptionPageFilter>());

        services.AddProblemDetails();
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

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "same-origin";
            await next();
        });

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
