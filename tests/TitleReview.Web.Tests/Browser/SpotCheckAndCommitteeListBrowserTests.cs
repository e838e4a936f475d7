using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Issue 15's acceptance story in real Chromium, on the current demo campaign with a fake clock: two
/// cleared dossiers of 省交通运输; in the spot check window the office defines a draw of one unit with
/// all its persons, publishes the commitment, draws at the announced time with a public value, and
/// checks the originals: 赵强's first item does not match its scan, the other applicant's (a copy
/// without scans) has nothing to differ; in the committee list window the office publishes the list,
/// on which the other is and 赵强 is not; an anonymous visitor reads the list and verifies the draw.
/// </summary>
public class SpotCheckAndCommitteeListBrowserTests : DemoCampaignBrowserTestBase
{
    private const string Finding = "原件近照与扫描件不是同一张。";

    [Test]
    public async Task SpotCheck_DefineCommitDraw_OneMismatch_CommitteeListPublished_AnonymousVerifiesTheDraw()
    {
        var (zhao, other) = await TwoClearedDossiersAsync();

        // The demo places the spot check 75 to 85 days after the day it was seeded, the committee list 86 to 95.
        Clock.SetUtcNow(DemoDay(75));
        await LoginAsync("office", DemoAccounts.Password);
        var drawAt = DemoDay(76).AddHours(1);
        await DefineAndCommitAsync(drawAt);

        await Page.Context.ClearCookiesAsync();
        await ReadTheCommitmentAnonymouslyAsync();

        Clock.SetUtcNow(drawAt);
        await LoginAsync("office", DemoAccounts.Password);
        await DrawAsync();

        // Sessions do not outlive days: the office signs in again after each jump of the clock.
        Clock.SetUtcNow(DemoDay(78));
        await Page.Context.ClearCookiesAsync();
        await LoginAsync("office", DemoAccounts.Password);
        await CheckOriginalsAsync(zhao, mismatch: true);
        await CheckOriginalsAsync(other, mismatch: false);

        Clock.SetUtcNow(DemoDay(87));
        await Page.Context.ClearCookiesAsync();
        await LoginAsync("office", DemoAccounts.Password);
        await PublishTheCommitteeListAsync();

        Clock.SetUtcNow(DemoDay(88));
        await Page.Context.ClearCookiesAsync();
        await ReadTheCommitteeListAnonymouslyAsync();
        await VerifyTheDrawAnonymouslyAsync();

        var definitions = Factory.Services.GetRequiredService<IWorkflowDefinitions>();
        definitions.Has(await InstanceAsync(other), StateCapabilities.ReferredToCommittee).Should().BeTrue();
        definitions.Has(await InstanceAsync(zhao), StateCapabilities.IntegrityCaseOpen).Should().BeTrue("a mismatch waits for the integrity decision");
    }

    /// <summary>One unit, with all its applicants; the originals due on day 80; the draw announced for day 76 at 10:00.</summary>
    private async Task DefineAndCommitAsync(DateTimeOffset drawAt)
    {
        await Page.GotoAsync($"{BaseUrl}/Office/SpotCheck?year=2026");
        await Page.Locator("#UnitsMode").SelectOptionAsync("Count");
        await Page.Locator("#UnitsValue").FillAsync("1");
        await Page.Locator("#OriginalsDueOn").FillAsync(BeijingTime.DateOf(DemoDay(80)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.Locator("#spotcheck-define-button").ClickAsync();
        await Expect(Page.Locator("#spotcheck-message")).ToContainTextAsync("抽取规则已保存");

        await Page.Locator("#DrawAt").FillAsync(BeijingTime.ToBeijing(drawAt).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await Page.Locator("#PublicValueSource").FillAsync("2026年某日中国福利彩票“3D”开奖号码（演示）");
        await Page.Locator("#spotcheck-commit-button").ClickAsync();
        await Expect(Page.Locator("#spotcheck-message")).ToContainTextAsync("抽查承诺已公布：候选单位 1 个、申报人 2 人");
        await Expect(Page.Locator("#spotcheck-commitment")).ToBeVisibleAsync();
    }

    /// <summary>Before the draw anyone reads the commitment and the candidates, masked; the seed is not there yet.</summary>
    private async Task ReadTheCommitmentAnonymouslyAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/SpotCheck");
        await Page.Locator("#spotcheck-list a").First.ClickAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync("赵*");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("赵强");
        await Expect(Page.Locator("#spotcheck-public-value")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#spotcheck-verify-button")).ToHaveCountAsync(0);
    }

    private async Task DrawAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/SpotCheck?year=2026");
        await Page.Locator("#PublicValue").FillAsync("581");
        await Page.Locator("#spotcheck-draw-button").ClickAsync();
        await Expect(Page.Locator("#spotcheck-message")).ToContainTextAsync("已抽取：抽中单位 1 个、申报人 2 人");
        await Expect(Page.Locator("#spotcheck-chosen tbody tr")).ToHaveCountAsync(2);
    }

    /// <summary>Item by item at the originals desk: all match, or the first one does not, with the finding; then concluded.</summary>
    private async Task CheckOriginalsAsync(Guid applicationId, bool mismatch)
    {
        await Page.GotoAsync($"{BaseUrl}/Office/SpotCheck/Originals?year=2026");
        await Page.Locator($"a[href*='{applicationId}']").First.ClickAsync();
        await Expect(Page.Locator("#originals-status")).ToHaveTextAsync("待核对");

        // The status stands above the form, so it can show while the rest of a long page is still arriving:
        // count the items only once the whole document is parsed.
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var matches = Page.Locator("#record-form input[type=radio][value=true]");
        var items = await matches.CountAsync();
        (items > 0 || !mismatch).Should().BeTrue("a mismatch needs an item with a scan");
        for (var i = 0; i < items; i++)
        {
            await matches.Nth(i).CheckAsync();
        }

        if (mismatch)
        {
            await Page.Locator("#record-form input[type=radio][value=false]").First.CheckAsync();
            await Page.Locator("#finding-0").FillAsync(Finding);
        }

        if (items > 0)
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "保存核对结果" }).ClickAsync();
            await Expect(Page.Locator("p.result")).ToHaveTextAsync($"已保存 {items} 项原件核对结果。");
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "完成复核", Exact = true }).ClickAsync();
        await Expect(Page.Locator("p.result")).ToContainTextAsync(mismatch ? "原件与扫描件不一致，已立诚信案件" : "原件与扫描件一致");
    }

    /// <summary>The other is on the list, 赵强 waits for the integrity decision; the list goes out for five working days from Friday.</summary>
    private async Task PublishTheCommitteeListAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/CommitteeList?year=2026");
        await Expect(Page.Locator("tr", new() { HasText = "赵强" }).Locator(".reason")).ToContainTextAsync("不一致");
        await Expect(Page.Locator("tr", new() { HasText = Other }).Locator(".reason")).ToContainTextAsync("抽查复核原件一致");
        await Page.Locator("#FirstDay").FillAsync("2026-09-11");
        await Page.Locator("#committee-publish-button").ClickAsync();
        await Expect(Page.Locator("p.result")).ToContainTextAsync("公示期：2026年9月11日至9月17日");
        await Expect(Page.Locator("p.result")).ToContainTextAsync("列入送评名单 1 人");
    }

    private async Task ReadTheCommitteeListAnonymouslyAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Publicity");
        await Page.Locator("#publicity-list a", new() { HasText = "送评" }).ClickAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync(Other);
        await Expect(Page.Locator("body")).ToContainTextAsync(DemoAccounts.ProvincialTransport.Name);
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("赵强");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync(Finding);
    }

    /// <summary>After the draw the seed and the public value are published; recomputing them says 一致, an altered value 不一致.</summary>
    private async Task VerifyTheDrawAnonymouslyAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/SpotCheck");
        await Page.Locator("#spotcheck-list a").First.ClickAsync();
        await Expect(Page.Locator("#spotcheck-public-value")).ToHaveTextAsync("581");
        await Page.Locator("#spotcheck-verify-button").ClickAsync();
        await Expect(Page.Locator("#spotcheck-verdict")).ToHaveTextAsync("验证结果：一致");
        await Page.Locator("#PublicValue").FillAsync("582");
        await Page.Locator("#spotcheck-verify-button").ClickAsync();
        await Expect(Page.Locator("#spotcheck-verdict")).ToContainTextAsync("验证结果：不一致");
    }

    private Task<WorkflowInstance> InstanceAsync(Guid applicationId) =>
        ReadAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectType == WorkflowSubjectTypes.Application && i.SubjectId == applicationId));
}
