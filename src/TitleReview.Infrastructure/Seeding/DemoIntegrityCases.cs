using TitleReview.Application.Applications.Integrity;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Time;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The demo's 2023 integrity case (issue 17): 周婷 (交通) submitted her dossier on Aug 24 and, while
/// 刘洋 still had it for review, the office received a signed report that her paper was written by
/// someone else. It opened a case on Aug 25 with the report as its first note, added the journal's
/// reply and the report's scan the same afternoon, and on Aug 28 vetoed her application (一票否决)
/// with its reasons, keeping the finding in her integrity record with the default three-year ban.
/// </summary>
internal static class DemoIntegrityCases
{
    private const int Year = 2023;

    public const string Reasons = "经向《贵州政工研究》编辑部核实，其申报的论文系他人代写，属提供虚假申报材料，依照评审通知第四条予以一票否决。";

    internal static async Task<Guid> OpenAsync(DemoStory story, Guid applicationId, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(8, 25, 10, 0), cancellationToken);
        var office = await story.ActorAsync("office");
        var caseId = await story.SendAsync<OpenIntegrityCase, Guid>(
            new OpenIntegrityCase(applicationId, IntegrityCaseSource.OfficeByHand, null, "收到实名举报信：周婷申报材料中的论文《国有企业基层党建与思想政治工作融合路径探析（1）》系他人代写。", office),
            cancellationToken);

        await story.AtAsync(At(8, 25, 15, 30), cancellationToken);
        await story.SendAsync<AddIntegrityNote, Guid>(
            new AddIntegrityNote(caseId, "已致函《贵州政工研究》编辑部。编辑部复函：该文投稿人及联系人均为他人，周婷未参与写作。", null, office),
            cancellationToken);
        var pdf = DemoScans.Pdf(
        [
            "演示扫描件（虚构，仅供试用）",
            "实名举报信",
            "被举报人：周婷",
            $"收件日期：{BeijingTime.DateOf(story.Now):yyyy-MM-dd}",
            $"诚信案件：{caseId}",
        ]);
        using var content = new MemoryStream(pdf);
        await story.SendAsync<AddIntegrityScan, Guid>(new AddIntegrityScan(caseId, content, "实名举报信.pdf", content.Length, office), cancellationToken);
        return caseId;
    }

    internal static async Task VetoAsync(DemoStory story, Guid caseId, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(8, 28, 9, 0), cancellationToken);
        await story.SendAsync<DecideIntegrityCase, IntegrityCaseDecided>(
            new DecideIntegrityCase(caseId, IntegrityOutcome.Veto, Reasons, RecordFinding: true, IntegrityBanChoice.Default, null, null, await story.ActorAsync("office")),
            cancellationToken);
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(Year, month, day, hour, minute, 0));
}
