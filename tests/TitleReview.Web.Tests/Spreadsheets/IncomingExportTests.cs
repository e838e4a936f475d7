using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Performance;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Spreadsheets;

/// <summary>The office's incoming list as .xlsx (the demo's 2023 campaign: 李华 and 赵强 submitted on 7 September).</summary>
public class IncomingExportTests
{
    private static readonly string[] Headers = ["单位", "地区", "申报人", "申报资格", "状态", "报送时间（北京时间）", "扫描件与他人重复"];

    private TitleReviewFactory _factory = null!;

    [OneTimeSetUp]
    public void SetUp() => _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Export_ForTheOffice_IsAnXlsxWithChineseHeadersOneRowPerPerson_AndAChineseFileName()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/Office/Incoming?handler=Export&year=2023");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.Should().Be("2023年度单位报送材料.xlsx");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').Should().Be("2023.xlsx", "browsers without filename* get an ASCII name");
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the sheet holds personal data");
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(body).Should().Equal("报送材料");
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(2);
        rows[0].Keys.Should().Equal(Headers);
        var li = rows.Single(r => (string)r["申报人"] == "李华");
        li["申报资格"].Should().Be("政工师");
        li["单位"].Should().Be("黔南能源集团有限公司");
        li["报送时间（北京时间）"].Should().Be(new DateTime(2023, 9, 7, 10, 0, 0), "submitted at 10:00 Beijing time");
        li["扫描件与他人重复"].Should().Be("否");
    }

    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task Export_ForAnyoneButTheOffice_IsRefused(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync("/Office/Incoming?handler=Export&year=2023");

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().NotBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Test]
    public async Task Export_CostsAFixedNumberOfCommands()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var measurement = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Incoming?handler=Export&year=2023"));

        // Sign-in's own reads, the unit ids, the unit cards, and the one streamed query of the rows.
        measurement.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(8);
    }

    [Test]
    public async Task Export_WithMorePeople_DoesNotAddCommands()
    {
        using var factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        var office = await SignedInClientAsync(factory, "office");
        Guid li;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            li = await (from a in db.TitleApplications
                        join c in db.Campaigns on a.CampaignId equals c.Id
                        where c.Year == 2023 && a.ApplicantName == "李华"
                        select a.Id).SingleAsync();
        }

        var before = await factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Incoming?handler=Export&year=2023"));
        await MoreRows.AddApplicationsLikeAsync(factory, li, 30);
        var after = await factory.Queries.MeasureAsync(() => office.GetAsync("/Office/Incoming?handler=Export&year=2023"));

        after.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(before);
        await using var body = new MemoryStream(await office.GetByteArrayAsync("/Office/Incoming?handler=Export&year=2023"));
        MiniExcel.Query(body, useHeaderRow: true).Should().HaveCount(32);
    }

    [Test]
    public async Task IncomingPage_ForTheOffice_OffersTheExport()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var html = await office.GetStringAsync("/Office/Incoming?year=2023");

        html.Should().Contain("id=\"incoming-export\"").And.Contain("/Office/Incoming?year=2023&amp;handler=Export");
    }

    [Test]
    public async Task Writer_WithThousandsOfRows_TurnsEachRowIntoCellsBeforeAskingForTheNext()
    {
        const int count = 5000;
        var writer = _factory.Services.GetRequiredService<ISpreadsheetWriter>();
        var lastWritten = -1;
        var askedAhead = 0;
        var spec = new SpreadsheetSpec<int>("大表",
        [
            new("序号", i => lastWritten = i, CellFormat.Integer),
            new("报送时间（北京时间）", i => new DateTimeOffset(2023, 9, 7, 2, 0, 0, TimeSpan.Zero).AddMinutes(i), CellFormat.BeijingDateTime),
            new("金额", i => i * 1.5m, CellFormat.Money),
        ]);

        async IAsyncEnumerable<int> Rows()
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                if (lastWritten != i - 1)
                {
                    askedAhead++;
                }

                yield return i;
            }
        }

        await using var output = new MemoryStream();
        var written = await writer.WriteAsync(output, spec, Rows());

        written.Should().Be(count);
        askedAhead.Should().Be(0, "no row is asked for before the one before it has been written: nothing is collected first");
        output.Position = 0;
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(count);
        rows[^1]["序号"].Should().Be((double)(count - 1));
        rows[0]["报送时间（北京时间）"].Should().Be(new DateTime(2023, 9, 7, 10, 0, 0));
        rows[3]["金额"].Should().Be(4.5);
    }
}
