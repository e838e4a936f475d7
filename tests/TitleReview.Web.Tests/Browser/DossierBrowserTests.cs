using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>August as 张丽 and 王敏 live it: five sections with scans, a return, a fix, an approval.</summary>
public class DossierBrowserTests : BrowserTestBase
{
    private string _scan = string.Empty;

    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [SetUp]
    public void WriteScan()
    {
        _scan = Path.Combine(Path.GetTempPath(), $"scan-{Guid.NewGuid():N}.pdf");
        File.WriteAllText(_scan, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% browser test scan\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    }

    [TearDown]
    public void DeleteScan() => File.Delete(_scan);

    [Test]
    public async Task Applicant_FillsFiveSectionsAndSubmits_AuditorReturnsOne_ApplicantFixes_AuditorApproves()
    {
        await LoginAsync("applicant2", DemoAccounts.Password);
        await Page.GetByLabel("申报等级", new() { Exact = true }).SelectOptionAsync("Assistant");
        await Page.GetByRole(AriaRole.Button, new() { Name = "开始申报" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "填写材料" }).ClickAsync();
        await Expect(Page.Locator("#missing-items")).ToContainTextAsync("请填写现任思想政治工作岗位职务");
        var dossierUrl = Page.Url;

        // 1. Personal information and its three scans.
        await Page.GetByRole(AriaRole.Link, new() { Name = "1. 个人基本信息" }).ClickAsync();
        await Page.GetByLabel("现任专业技术职务", new() { Exact = true }).FillAsync("助理政工师（见习期满）");
        await Page.GetByLabel("现任职务等级", new() { Exact = true }).SelectOptionAsync("None");
        await Page.GetByLabel("任现职时间", new() { Exact = true }).FillAsync("2020-01-01");
        await Page.GetByLabel("学历", new() { Exact = true }).SelectOptionAsync("Associate");
        await Page.GetByLabel("毕业院校", new() { Exact = true }).FillAsync("黔南民族职业技术学院");
        await Page.GetByLabel("毕业年份", new() { Exact = true }).FillAsync("2014");
        await Page.GetByLabel("现任思想政治工作岗位职务", new() { Exact = true }).FillAsync("党群工作部干事");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存个人基本信息" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("个人基本信息已保存");
        await Expect(Page.Locator("#tenure")).ToContainTextAsync("年");
        foreach (var slot in new[] { "personal.appointment", "personal.employment", "personal.qualification" })
        {
            await UploadAsync(Page.Locator($".attachment-slot[data-slot='{slot}']"));
        }

        // 2. Continuing education.
        await Page.GetByRole(AriaRole.Link, new() { Name = "2. 继续教育学时" }).ClickAsync();
        await Page.GetByLabel("总学时", new() { Exact = true }).FillAsync("96");
        await Page.GetByLabel("专业科目学时", new() { Exact = true }).FillAsync("64");
        await Page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await UploadAsync(Page.Locator(".attachment-slot[data-slot='education.certificate']"));

        // 3. Work history.
        await Page.GetByRole(AriaRole.Link, new() { Name = "3. 工作经历" }).ClickAsync();
        await Page.GetByLabel("起始时间", new() { Exact = true }).FillAsync("2015-07-01");
        await Page.GetByLabel("工作单位", new() { Exact = true }).FillAsync("黔南能源集团有限公司");
        await Page.GetByLabel("职务（岗位）", new() { Exact = true }).FillAsync("党群工作部干事");
        await Page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await UploadAsync(Page.Locator("table.items tr").First.Locator(".attachment-slot"));

        // 4. Achievements: one work material of 3,200 words.
        await Page.GetByRole(AriaRole.Link, new() { Name = "4. 任职后主要专业工作业绩" }).ClickAsync();
        await AddMaterialAsync("关于开展形势政策教育的通知", "3200");

        // 5. Publications.
        await Page.GetByRole(AriaRole.Link, new() { Name = "5. 任现职后主要论文成果" }).ClickAsync();
        await Page.GetByLabel("论文题目", new() { Exact = true }).FillAsync("浅谈企业青年职工思想政治工作");
        await Page.GetByLabel("刊物名称", new() { Exact = true }).FillAsync("贵州政工研究");
        await Page.GetByLabel("期号", new() { Exact = true }).FillAsync("2023年第2期");
        await Page.GetByLabel("ISSN/CN 刊号", new() { Exact = true }).FillAsync("CN52-0000/D");
        await Page.Locator("#paperDate").FillAsync("2023-04-01");
        await Page.GetByRole(AriaRole.Button, new() { Name = "添加论文" }).ClickAsync();
        await UploadAsync(Page.Locator("table.items tr").First.Locator(".attachment-slot"));

        await Page.GotoAsync(dossierUrl);
        await Expect(Page.GetByText("材料已齐全，可以提交单位审核人审核。")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交单位审核" }).ClickAsync();
        await Expect(Page.Locator("#dossier-state")).ToHaveTextAsync("待单位审核");
        await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        // The auditor returns section 4 with a reason.
        await LoginAsync("auditor1", DemoAccounts.Password);
        await Page.Locator("#queue tr", new() { HasText = "张丽" }).GetByRole(AriaRole.Link, new() { Name = "审核材料" }).ClickAsync();
        await Page.Locator("#reason-achievements").FillAsync("工作材料字数不足，请补充");
        await Page.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(Page.Locator("#dossier-state")).ToHaveTextAsync("退回修改");
        await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        // The applicant sees the reason next to the section, adds a report, resubmits.
        await LoginAsync("applicant2", DemoAccounts.Password);
        await Page.GotoAsync(dossierUrl);
        await Expect(Page.Locator("#return-reasons")).ToContainTextAsync("【任职后主要专业工作业绩】工作材料字数不足，请补充");
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("4\\. 任职后主要专业工作业绩") }).ClickAsync();
        await Expect(Page.Locator(".return-reason")).ToContainTextAsync("工作材料字数不足，请补充");
        await AddMaterialAsync("2023 年上半年思想政治工作总结", "2800");
        await Page.GotoAsync(dossierUrl);
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交单位审核" }).ClickAsync();
        await Expect(Page.Locator("#dossier-state")).ToHaveTextAsync("待单位审核");
        await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        // The auditor checks every item against the originals and approves.
        await LoginAsync("auditor1", DemoAccounts.Password);
        await Page.Locator("#queue tr", new() { HasText = "张丽" }).GetByRole(AriaRole.Link, new() { Name = "审核材料" }).ClickAsync();
        var tick = Page.GetByRole(AriaRole.Button, new() { Name = "核验无误" });
        for (var guard = 0; guard < 20 && await tick.CountAsync() > 0; guard++)
        {
            await tick.First.ClickAsync();
            await Page.WaitForLoadStateAsync();
        }

        await Expect(tick).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Expect(Page.Locator("#dossier-state")).ToHaveTextAsync("单位审核通过");
        Directory.CreateDirectory(MonitorBrowserTests.ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(MonitorBrowserTests.ScreenshotFolder, "review.png"), FullPage = true });
    }

    [Test]
    public async Task WhatTheApplicantTyped_SurvivesAnExpiredSession()
    {
        await LoginAsync("applicant1", DemoAccounts.Password);
        await Page.GetByRole(AriaRole.Link, new() { Name = "填写材料" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("1\\. 个人基本信息") }).ClickAsync();
        var sectionUrl = Page.Url;
        await Page.GetByLabel("现任思想政治工作岗位职务", new() { Exact = true }).FillAsync("党委工作部部长（尚未保存）");

        // The session ends (idle timeout) before the applicant saves.
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync(sectionUrl);
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Page.GetByLabel("用户名", new() { Exact = true }).FillAsync("applicant1");
        await Page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(sectionUrl);
        await Expect(Page.GetByLabel("现任思想政治工作岗位职务", new() { Exact = true })).ToHaveValueAsync("党委工作部部长（尚未保存）");
        await Expect(Page.Locator(".autosave-note")).ToContainTextAsync("已恢复您上次未保存的填写内容");

        await Page.GetByRole(AriaRole.Button, new() { Name = "保存个人基本信息" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("个人基本信息已保存");
        await Page.ReloadAsync();
        await Expect(Page.GetByLabel("现任思想政治工作岗位职务", new() { Exact = true })).ToHaveValueAsync("党委工作部部长（尚未保存）");
        await Expect(Page.Locator(".autosave-note")).ToHaveCountAsync(0);
    }

    private async Task AddMaterialAsync(string title, string words)
    {
        await Page.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
        await Page.GetByLabel("成稿时间", new() { Exact = true }).FillAsync("2023-05-01");
        await Page.GetByLabel("字数", new() { Exact = true }).FillAsync(words);
        await Page.GetByRole(AriaRole.Button, new() { Name = "添加工作材料" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已添加");
        await UploadAsync(Page.Locator("table.items tr", new() { HasText = title }).Locator(".attachment-slot"));
    }

    private async Task UploadAsync(ILocator slot)
    {
        await slot.Locator("input[type=file]").SetInputFilesAsync(_scan);
        await slot.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已上传");
    }
}
