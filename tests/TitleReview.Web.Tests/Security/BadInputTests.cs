using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Security;

/// <summary>No input reaches a 500: every refusal is a 4xx Chinese ProblemDetails that names the field.</summary>
public class BadInputTests
{
    private TitleReviewFactory _factory = null!;
    private int _year;

    [OneTimeSetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _ = _factory.Services;
        _year = BeijingTime.Today(TimeProvider.System).Year;
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    private static readonly (string Name, Func<HttpContent?> Body)[] Corpus =
    [
        ("malformed JSON", () => Json("{\"opensAt\": \"2025-08-01T00:00:00\", ")),
        ("JSON of wrong types", () => Json("""
            {"opensAt": 1, "lastSecond": true, "expectedToken": "not-a-guid", "trigger": [], "reason": {}, "until": 5,
             "item": "text", "applicationIds": "x", "startDate": 20250801, "outcome": [], "note": 1, "itemKey": 2,
             "verified": "yes", "reasons": [1], "currentTitle": {}, "currentTitleDate": "tomorrow", "evaluationType": 1.5,
             "fromCivilService": "no", "name": [], "creditCode": 1, "auditorMobile": false, "idNumber": {}, "unitId": "x",
             "password": 1, "mobile": []}
            """)),
        ("a JSON array", () => Json("[1, 2, {\"a\": null}]")),
        ("the JSON literal null", () => Json("null")),
        ("an unknown enum value", () => Json("""
            {"evaluationType": "Bogus", "outcome": "Maybe", "reasons": {"NoSuchSection": "x"}, "item": {"kind": "training", "section": "Nope"}}
            """)),
        ("huge and negative numbers", () => Json("""
            {"year": 2147483648, "expectedToken": "00000000-0000-0000-0000-000000000000", "opensAt": "0001-01-01T00:00:00",
             "lastSecond": "9999-12-31T23:59:59", "until": "0001-01-01T00:00:00", "startDate": "0001-01-01", "currentTitleDate": "9999-12-31",
             "item": {"kind": "training", "year": -2147483648, "hours": 99999999999999999999, "professionalHours": -1,
                      "from": "0001-01-01", "to": "9999-12-31", "wordCount": 2147483647},
             "applicationIds": ["00000000-0000-0000-0000-000000000000"], "trigger": "submit", "verified": true, "itemKey": "x"}
            """)),
        ("deeply nested JSON", () => Json(new string('[', 200) + new string(']', 200))),
        ("an empty JSON body", () => Json(string.Empty)),
        ("no body at all", () => null),
        ("plain text", () => new StringContent("hello", Encoding.UTF8, "text/plain")),
        ("broken multipart", () => Raw("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4", "multipart/form-data; boundary=xyz")),
        ("multipart without a boundary", () => Raw("--xyz\r\n\r\n", "multipart/form-data")),
        ("form fields", () => new FormUrlEncodedContent([new("opensAt", "x"), new("file", "y")])),
    ];

    [Test]
    public async Task EveryUnsafeApiEndpoint_AnswersBadBodiesWith4xx_AndChineseProblems()
    {
        var endpoints = UnsafeApiEndpoints();
        endpoints.Should().Contain(e => e.Path == $"/api/campaigns/{_year}/stages/filing" && e.Method == "PUT")
            .And.Contain(e => e.Method == "POST" && e.Path.EndsWith("/dossier/attachments", StringComparison.Ordinal))
            .And.Contain(e => e.Method == "DELETE");

        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var office = await SignedInClientAsync(_factory, "office");
        var failures = new List<string>();
        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("office", office) })
        {
            foreach (var (method, path) in endpoints)
            {
                foreach (var (name, body) in Corpus)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body() };
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync();
                    if (status >= 500)
                    {
                        failures.Add($"{who} {method} {path} with {name}: {status} {text}");
                    }
                    else if (status == 400 && !IsChineseProblem(response, text))
                    {
                        failures.Add($"{who} {method} {path} with {name}: 400 without a Chinese problem: {response.Content.Headers.ContentType} {text}");
                    }
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Test]
    public async Task StageWindowInYearOne_ThroughTheApi_Is400NamingTheField()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.PutAsJsonAsync($"/api/campaigns/{_year}/stages/filing", new { opensAt = "0001-01-01T00:00:00", lastSecond = "0001-01-31T23:59:59" });

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.GetProperty("opensAt")[0].GetString().Should().Be("开始时间须在 2000 年至 2100 年之间。");
        errors.GetProperty("closesAt")[0].GetString().Should().Be("结束时间须在 2000 年至 2100 年之间。");
    }

    [Test]
    public async Task StageWindowInYearOne_OnTheTimelinePage_ShowsTheMessage()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync($"/Office/Campaigns/Timeline?year={_year}");

        var response = await office.PostAsync($"/Office/Campaigns/Timeline?year={_year}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["StageKey"] = "filing",
            ["OpensAt"] = "0001-01-01T00:00:00",
            ["ClosesAt"] = "0001-01-31T23:59:59",
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("开始时间须在 2000 年至 2100 年之间。");
    }

    [Test]
    public async Task ReopenUntilYearOne_Is400NamingTheField()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.PostAsJsonAsync($"/api/workflows/instances/{Guid.NewGuid()}/fire", new { trigger = "reopen", until = "0001-01-01T00:00:00" });

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.GetProperty("until")[0].GetString().Should().Be("截止时间须在 2000 年至 2100 年之间。");
    }

    [Test]
    public async Task MalformedMultipartUpload_Is400NamingTheFile()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");

        var response = await applicant.PostAsync(
            $"/api/applications/{Guid.NewGuid()}/dossier/attachments",
            Raw("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 truncated", "multipart/form-data; boundary=xyz"));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.GetProperty("file")[0].GetString().Should().Contain("multipart/form-data");
    }

    [Test]
    public async Task WaitingLongerThanIntMaxDays_Is400NamingTheField()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/api/workflows/instances?waitingLongerThanDays=2147483647");

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.GetProperty("waitingLongerThanDays")[0].GetString().Should().Contain("3650");
    }

    [Test]
    public async Task HugePageNumber_IsAnEmptyPage()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/api/workflows/instances?page=2147483647&pageSize=200");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task StateCountsOfAnUnknownDefinition_Is400NamingTheField()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync($"/api/workflows/counts?year={_year}&definitionId=no-such-flow");

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.GetProperty("definitionId")[0].GetString().Should().Contain("no-such-flow").And.Contain("application");
    }

    [TestCase("{\"evaluationType\": \"Bogus\"}", "evaluationType", "字段 evaluationType 的值不在允许范围内，可选值：", TestName = "Json_UnknownEnumName_NamesTheFieldAndTheAllowedValues")]
    [TestCase("{\"evaluationType\": 99}", "evaluationType", "字段 evaluationType 的值不在允许范围内", TestName = "Json_UndefinedEnumNumber_NamesTheField")]
    [TestCase("{\"CurrentTitleDate\": 5}", "currentTitleDate", "字段 currentTitleDate 的值格式不正确", TestName = "Json_WrongType_NamesTheFieldInCamelCase")]
    [TestCase("{\"fromCivilService\": \"yes\"}", "fromCivilService", "字段 fromCivilService 的值格式不正确", TestName = "Json_StringForBoolean_NamesTheField")]
    [TestCase("{\"currentTitle\": \"x\",", "body", "请求正文不是有效的 JSON", TestName = "Json_Malformed_NamesTheBody")]
    [TestCase("[]", "body", "请求正文不是有效的 JSON", TestName = "Json_ArrayInsteadOfObject_NamesTheBody")]
    [TestCase("", "body", "请求正文不能为空", TestName = "Json_EmptyBody_NamesTheBody")]
    public async Task UnreadableJson_Is400NamingTheField(string body, string field, string message)
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");

        var response = await applicant.PutAsync($"/api/applications/{Guid.NewGuid()}/dossier/personal", Json(body));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.GetProperty(field)[0].GetString().Should().StartWith(message);
    }

    [Test]
    public async Task UnknownEnumName_ListsTheAllowedValues()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");

        var response = await applicant.PutAsync($"/api/applications/{Guid.NewGuid()}/dossier/personal", Json("{\"evaluationType\": \"Bogus\"}"));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        var allowed = string.Join("、", Enum.GetNames<Domain.Applications.Dossier.EvaluationType>());
        errors.GetProperty("evaluationType")[0].GetString().Should().Be($"字段 evaluationType 的值不在允许范围内，可选值：{allowed}。");
    }

    [Test]
    public async Task UnparsableQueryValue_Is400NamingTheParameter()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/api/workflows/instances?status=Sleeping");

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.GetProperty("status")[0].GetString().Should().Be("参数 status 的值格式不正确，请检查后重试。");
    }

    [TestCase("GET", "/api/no-such-thing", null, 404, "未找到", TestName = "Api_UnknownRoute_IsChinese404")]
    [TestCase("GET", "/api/workflows/instances/not-a-guid", null, 404, "未找到", TestName = "Api_RouteConstraintMismatch_IsChinese404")]
    [TestCase("DELETE", "/api/me", null, 405, "不支持该请求方法", TestName = "Api_WrongMethod_IsChinese405")]
    [TestCase("POST", "/api/applicants", "text/plain", 415, "不支持的内容类型", TestName = "Api_WrongContentType_IsChinese415")]
    [TestCase("GET", "/api/me?q=", null, 414, "地址过长", TestName = "Api_OverlongQuery_IsChinese414")]
    public async Task StatusCodesUnderApi_AreChineseProblems(string method, string path, string? contentType, int status, string title)
    {
        var office = await SignedInClientAsync(_factory, "office");
        if (status == 414)
        {
            path += new string('x', WebHostingExtensions.MaxRequestTargetLength);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
        {
            request.Content = new StringContent("hello", Encoding.UTF8, contentType);
        }

        using var response = await office.SendAsync(request);

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be(title);
    }

    [Test]
    public async Task OverlongPageAddress_IsAChinese414Page()
    {
        var response = await _factory.CreateClient().GetAsync("/Units/Status?q=" + new string('x', WebHostingExtensions.MaxRequestTargetLength));

        response.StatusCode.Should().Be(HttpStatusCode.RequestUriTooLong);
        (await response.Content.ReadAsStringAsync()).Should().Contain("地址过长");
    }

    [Test]
    public void RequestBodyOverTheServerLimit_IsAChinese413()
    {
        var problem = ApiExceptionHandler.ToProblem(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        problem!.Status.Should().Be(413);
        problem.Title.Should().Be("内容过大");
    }

    [TestCase("$.nature", "nature")]
    [TestCase("$.Item.Kind", "item.kind")]
    [TestCase("$.applicationIds[0]", "applicationIds[0]")]
    [TestCase("$", "body")]
    [TestCase("$[2]", "body")]
    [TestCase(null, "body")]
    public void JsonPath_BecomesTheCamelCaseField(string? path, string field) =>
        ApiExceptionHandler.FieldFromJsonPath(path).Should().Be(field);

    private List<(string Method, string Path)> UnsafeApiEndpoints()
    {
        var unsafeMethods = new[] { "POST", "PUT", "DELETE", "PATCH" };
        return _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? string.Empty).TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => unsafeMethods.Contains(m))
                .Select(m => (m, Fill(e.RoutePattern))))
            .Distinct()
            .ToList();
    }

    /// <summary>The route with plausible values: a fresh Guid for a Guid, this year for a number, a stage key for text.</summary>
    private string Fill(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => _year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RoutePatternParameterPart => "filing",
            _ => string.Empty,
        }))));

    private static bool IsChineseProblem(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        var title = JsonDocument.Parse(text).RootElement.GetProperty("title").GetString() ?? string.Empty;
        return title.Any(c => c is >= '\u4e00' and <= '\u9fff');
    }

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
