using System.Net;

namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// HTTP as the bench needs it: as from the reverse proxy of <c>deploy/nginx.conf.example</c>,
/// which ends TLS and says so in <c>X-Forwarded-Proto</c> (the app refuses to issue its Secure
/// antiforgery cookie on a plain-http request); cookies kept by hand (a cookie container would not
/// send Secure cookies back over http); no redirects followed.
/// </summary>
internal static class Http
{
    public const string AuthCookiePrefix = "TitleReview.Auth";

    public static HttpClient CreateClient(Uri baseAddress, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.1");
        return client;
    }

    /// <summary>
    /// The app's own origin as the browser sees it, behind the proxy: <c>CrossSiteRequestGuard</c>
    /// asks it of unsafe /api requests that carry the cookie.
    /// </summary>
    public static string Origin(Uri baseAddress) => $"https://{baseAddress.Authority}";

    /// <summary>A request with the given <c>Cookie</c> header and the app's own <c>Origin</c>.</summary>
    public static HttpRequestMessage Request(HttpMethod method, Uri baseAddress, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path) { Version = HttpVersion.Version11 };
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        request.Headers.TryAddWithoutValidation("Origin", Origin(baseAddress));
        return request;
    }
}

/// <summary>One sign-in's cookies, taken from <c>Set-Cookie</c> and sent back as a <c>Cookie</c> header.</summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public void Absorb(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var lines))
        {
            return;
        }

        foreach (var line in lines)
        {
            var pair = line.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
            var expired = line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    public string Header(Func<string, bool>? which = null) =>
        string.Join("; ", _cookies.Where(c => which is null || which(c.Key)).Select(c => $"{c.Key}={c.Value}"));

    public bool Has(Func<string, bool> which) => _cookies.Keys.Any(which);
}
