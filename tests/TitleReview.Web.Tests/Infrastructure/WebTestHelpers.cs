using System.Net;
using System.Text.RegularExpressions;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Web.Tests.Infrastructure;

internal static partial class WebTestHelpers
{
    public static async Task<string> GetAntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return ReadAntiforgeryToken(html);
    }

    public static string ReadAntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        match.Success.Should().BeTrue("the page has a form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts the real login form; returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = await GetAntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpClient> SignedInClientAsync(TitleReviewFactory factory, string userName)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        });
        var response = await PostLoginAsync(client, userName, DemoAccounts.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{userName} signs in");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
