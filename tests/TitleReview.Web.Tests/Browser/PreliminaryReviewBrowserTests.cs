using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Issue 14's acceptance story in real Chromium, on the current demo campaign with a fake clock:
/// 省交通运输's 赵强 and a second applicant copied from him are checked in at the counter; in the
/// preliminary review window the office fails 赵强 with a listed reason and passes the other,
/// publishes the results; an anonymous visitor reads the publicity; 赵强 uploads a supplement during
/// it, the office passes him on it; after the publicity the unit's auditor records and submits the
/// feedback, and both dossiers may go on to the committee.
/// </summary>
public class PreliminaryReviewBrowserTests : DemoCampaignBrowserTestBase
{
    private const string Reason = "纸质材料不全";
    [Test]
    public async Task PreliminaryReview_FailOnePassOne_Publish_PublicReads_Supplement_PassedOnIt_FeedbackRecorded()
    {
        var (zhao, other) = await TwoCheckedInDossiersAsync();

        // The demo places the preliminary review 46 to 80 days after the day it was seeded, the feedback 68 to 74.
        Clock.SetUtcNow(DemoDay(49));
        await LoginAsync("office", DemoAccounts.Password);
        await DecideAsync(zhao, fail: true);
        await DecideAsync(other, fail: false);
        await PublishAsync(firstDay: new DateOnly(2026, 8, 4), period: "公示期：2026年8月4日至8月10日");

        Clock.SetUtcNow(DemoDay(50));
        await Page.Context.ClearCookiesAsync();
        await ReadThePublicityAnonymouslyAsync();

        await Page.Context.ClearCookiesAsync();
        await LoginAsync("applicant3", DemoAccounts.Password);
        await UploadSupplementAsync(zhao);

        Clock.SetUtcNow(DemoDay(51));
        await Page.Context.ClearCookiesAsync();
        await LoginAsync("office", DemoAccounts.Password);
        await PassOnSupplementAsync();

        Clock.SetUtcNow(DemoDay(70));
        await Page.Context.ClearCookiesAsync();
        await LoginAsync("auditor2", DemoAccounts.Password);
        await RecordAndSubmitFeedbackAsync(zhao, other);

        foreach (var id in new[] { zhao, other })
        {
            var instance = await ReadAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectType == WorkflowSubjectTypes.Application && i.SubjectId == id));
            Factory.Services.GetRequiredService<IWorkflowDefinitions>().Has(instance, StateCapabilities.PublicityCleared).Should().BeTrue("both may go on to the committee");
        }
    }

    /// <summary>The reviewer opens the dossier at the desk, sees the conditions, and passes it or fails it with a listed reason.</summary>
    private async Task DecideAsync(Guid applicationId, bool fail)
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Preliminary/Review?id={applicationId}");
        await Expect(Page.Locator("#preliminary-standing")).ToContainTextAsync("待初审");
        await Expect(Page.GetByText("申报条件").First).ToBeVisibleAsync();
        if (fail)
        {
            await Page.GetByLabel(Reason).CheckAsync();
            await Page.GetByLabel("说明（不通过时可代替或补充所选原因；通过时可不填）").FillAsync("缺一寸免冠彩色近照。");
            await Page.GetByRole(AriaRole.Button, new() { Name = "初审不通过" }).ClickAsync();
            await Expect(Page.Locator("p.result")).ToContainTextAsync($"初审不通过：{Reason}");
            await Expect(Page.Locator("#decision-history")).ToContainTextAsync("缺一寸免冠彩色近照。");
        }
        else
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "初审通过" }).ClickAsync();
            await Expect(Page.Locator("p.result")).ToContainTextAsync("初审通过");
        }
    }

    /// <summary>The office publishes the results for five working days from the day it chooses.</summary>
    private async Task PublishAsync(DateOnly firstDay, string period)
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Publicities?year=2026");
        await Expect(Page.Locator("#publicity-undecided")).ToHaveTextAsync("0");
        await Page.GetByLabel("公示期第一天").FillAsync(firstDay.ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布公示" }).ClickAsync();
        await Expect(Page.Locator("#publicity-message")).ToContainTextAsync(period);
        await Expect(Page.Locator("#publicity-message")).ToContainTextAsync("初审通过 1 人，未通过 1 人");
    }

    /// <summary>Without signing in: the running publicity, its period, name, unit, level and result, and nothing personal.</summary>
    private async Task ReadThePublicityAnonymouslyAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Publicity");
        await Page.Locator("#publicity-list a", new() { HasText = "初审结果公示" }).ClickAsync();
        await Expect(Page.Locator("#publicity-period")).ToHaveTextAsync("公示期：2026年8月4日至8月10日");
        await Expect(Page.Locator("#publicity-lines tr", new() { HasText = "赵强" })).ToContainTextAsync("未通过");
        await Expect(Page.Locator("#publicity-lines tr", new() { HasText = Other })).ToContainTextAsync("通过");
        await Expect(Page.Locator("#publicity-lines tr", new() { HasText = "赵强" })).ToContainTextAsync(DemoAccounts.ProvincialTransport.Name);

        var html = await Page.ContentAsync();
        html.Should().NotContain(Reason, "reasons are not public");
        Regex.IsMatch(html, @"\d{17}[\dXx]").Should().BeFalse("no ID number");
        Regex.IsMatch(html, @"(?<!\d)1[3-9]\d{9}(?!\d)").Should().BeFalse("no mobile number");
    }

    /// <summary>赵强 sees why he failed and uploads his photo as a supplement during the publicity.</summary>
    private async Task UploadSupplementAsync(Guid zhao)
    {
        await Page.GotoAsync($"{BaseUrl}/Applicant/Supplement?id={zhao}");
        await Expect(Page.Locator("#failing-reason")).ToContainTextAsync(Reason);
        var photo = Path.Combine(Path.GetTempPath(), $"supplement-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(photo, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 一寸免冠彩色近照\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());
        try
        {
            await Page.GetByLabel("补充材料文件（PDF、JPEG、PNG）").SetInputFilesAsync(photo);
            await Page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        }
        finally
        {
            File.Delete(photo);
        }

        await Expect(Page.Locator("p.result")).ToContainTextAsync("已上传");
        await Page.GetByLabel("说明（针对哪些不通过原因补充了什么）").FillAsync("补交一寸免冠彩色近照。");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交补充材料" }).ClickAsync();
        await Expect(Page.Locator("p.result")).ToHaveTextAsync("补充材料已提交，请等待省政工职评办审核。");
    }

    /// <summary>The office reads the supplement and passes 赵强 on it, with a reason.</summary>
    private async Task PassOnSupplementAsync()
    {
        await Page.GotoAsync($"{BaseUrl}/Office/Supplements?year=2026");
        var zhaoCase = Page.Locator("section.supplement-case", new() { HasText = "赵强" });
        await Expect(zhaoCase).ToContainTextAsync("补交一寸免冠彩色近照。");
        await zhaoCase.GetByLabel("改为通过").CheckAsync();
        await zhaoCase.GetByLabel("理由").FillAsync("补交的照片符合要求。");
        await zhaoCase.GetByRole(AriaRole.Button, new() { Name = "提交审核结论" }).ClickAsync();
        await Expect(Page.Locator("p.result")).ToHaveTextAsync("已改为初审通过。");
    }

    /// <summary>After the publicity the unit's auditor records no objection for both and submits to the office.</summary>
    private async Task RecordAndSubmitFeedbackAsync(Guid zhao, Guid other)
    {
        await Page.GotoAsync($"{BaseUrl}/Auditor/Feedback?year=2026");
        foreach (var id in new[] { zhao, other })
        {
            await Page.Locator($"#outcome-{id}").SelectOptionAsync("NoObjection");
            await Page.Locator("form.feedback-form", new() { Has = Page.Locator($"#outcome-{id}") }).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(Page.Locator("p.result")).ToHaveTextAsync("已保存公示结果，提交前可修改。");
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "提交省政工职评办" }).ClickAsync();
        await Expect(Page.Locator("p.result")).ToHaveTextAsync("已将 2 人的公示结果反馈提交省政工职评办。");
        await Expect(Page.Locator("#feedback tr", new() { HasText = "赵强" })).ToContainTextAsync("已提交");
    }
}
