using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace TitleReview.Benchmarks.Driver;

/// <summary>
/// <c>sign-in</c>: signs the data set's accounts in through the login pages, in parallel, and
/// writes <c>userName&lt;TAB&gt;Cookie header</c> lines for wrk's scripts and the other subcommands.
/// Office accounts take the authenticator step with a code computed from their key.
/// </summary>
internal static partial class SignIn
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var baseAddress = new Uri(arguments.Required("url"));
        var password = (await File.ReadAllTextAsync(arguments.Required("password-file"))).Trim();
        var parallel = arguments.Int("parallel", Environment.ProcessorCount * 4);

        var accounts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in (arguments.Optional("accounts") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var fields in Tsv.Read(file))
            {
                accounts.TryAdd(fields[0], null);
            }
        }

        if (arguments.Optional("office") is { } officeFile)
        {
            foreach (var fields in Tsv.Read(officeFile))
            {
                accounts[fields[0]] = fields[1];
            }
        }

        using var http = Http.CreateClient(baseAddress, parallel);
        var cookies = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<string>();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (account, cancellationToken) =>
        {
            try
            {
                cookies[account.Key] = await SignInAsync(http, account.Key, password, account.Value, cancellationToken);
            }
            catch (Exception e) when (e is SignInFailedException or HttpRequestException)
            {
                failures.Enqueue($"{account.Key}: {e.Message}");
            }
        });

        Tsv.Write(arguments.Required("out"), cookies.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new[] { c.Key, c.Value }));
        Console.WriteLine($"signed in {cookies.Count:N0} of {accounts.Count:N0} accounts in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        foreach (var failure in failures.Take(5))
        {
            Console.Error.WriteLine($"  sign-in failed: {failure}");
        }

        return failures.IsEmpty ? 0 : 1;
    }

    private static async Task<string> SignInAsync(HttpClient http, string userName, string password, string? authenticatorKey, CancellationToken cancellationToken)
    {
        var jar = new CookieJar();
        var location = await PostFormAsync(http, jar, "/Account/Login", [new("Input.UserName", userName), new("Input.Password", password)], cancellationToken);
        if (location.Contains("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            var key = authenticatorKey ?? throw new SignInFailedException("asks for a two-factor code, and no authenticator key was given");
            await PostFormAsync(http, jar, location, [new("Code", Totp.Code(key, TimeProvider.System.GetUtcNow()))], cancellationToken);
        }

        return jar.Has(IsAuthCookie)
            ? jar.Header(IsAuthCookie)
            : throw new SignInFailedException($"no {Http.AuthCookiePrefix} cookie after signing in (redirected to {location})");
    }

    /// <summary>GETs the form for its antiforgery token and cookie, POSTs it, and returns where the app redirects to.</summary>
    private static async Task<string> PostFormAsync(HttpClient http, CookieJar jar, string path, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.TryAddWithoutValidation("Cookie", jar.Header());
        using var form = await http.SendAsync(get, cancellationToken);
        jar.Absorb(form);
        if (form.StatusCode != HttpStatusCode.OK)
        {
            throw new SignInFailedException($"GET {path} answered {(int)form.StatusCode}");
        }

        var html = await form.Content.ReadAsStringAsync(cancellationToken);
        var token = AntiforgeryInput().Match(html) is { Success: true } input && ValueAttribute().Match(input.Value) is { Success: true } value
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new SignInFailedException($"no antiforgery token in GET {path}");

        using var post = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]),
        };
        post.Headers.TryAddWithoutValidation("Cookie", jar.Header());
        using var answer = await http.SendAsync(post, cancellationToken);
        jar.Absorb(answer);
        return answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location is { } redirect
            ? redirect.OriginalString
            : throw new SignInFailedException($"POST {path} answered {(int)answer.StatusCode} instead of a redirect (wrong password, locked out, inactive, or rate-limited?)");
    }

    private static bool IsAuthCookie(string name) => name.StartsWith(Http.AuthCookiePrefix, StringComparison.Ordinal);

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}

internal sealed class SignInFailedException(string message) : Exception(message);
