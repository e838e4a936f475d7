using System.Net;

namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// HTTP as the bench needs it: cookies kept by hand (the app marks them Secure outside
/// Development, so a cookie container would not send them back over http), no redirects followed.
/// </summary>
internal static class Http
{
    public const string AuthCookiePrefix = "TitleReview.Auth";

    public static HttpClient CreateClient(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler
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

    /// <summary>The app's own origin, which <c>CrossSiteRequestGuard</c> asks of unsafe /api requests that carry the cookie.</summary>
    public static string Origin(Uri baseAddress) => baseAddress.GetLeftPart(UriPartial.Authority);

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
