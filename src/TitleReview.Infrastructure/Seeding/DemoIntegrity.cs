using TitleReview.Application.Integrity;
using TitleReview.Domain.Integrity;
using TitleReview.Domain.Time;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The demo's integrity record and negative list (issue 17, parts 3 and 4), after the 2023 history:
/// on Jan 8 2024 the office puts 铜仁示范建材有限公司 on the negative list for 2024 and publishes it; on
/// Dec 20 2024 it records by hand an invented person's academic misconduct reported elsewhere, with
/// the default three-year ban (to Dec 19 2027), so registering with that ID number is refused.
/// </summary>
internal static class DemoIntegrity
{
    /// <summary>Invented (valid check character, nobody's).</summary>
    public const string BannedIdNumber = "52060219790512311X";

    public const string BannedName = "孟凡星";

    public static readonly DateOnly ListedFrom = new(2024, 1, 1);

    public static readonly DateOnly ListedTo = new(2024, 12, 31);

    /// <summary>The public list shows the 2024 listing for three years after it ends.</summary>
    public static readonly DateOnly PublishedUntil = new(2027, 12, 31);

    internal static async Task SeedAsync(DemoStory story, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listedAt = BeijingTime.FromBeijing(new DateTime(2024, 1, 8, 10, 0, 0));
        var recordedAt = BeijingTime.FromBeijing(new DateTime(2024, 12, 20, 10, 0, 0));
        if (now < recordedAt)
        {
            return;
        }

        await story.AtAsync(listedAt, cancellationToken);
        var office = await story.ActorAsync("office");
        var listing = await story.SendAsync<PutUnitOnNegativeList, Guid>(
            new PutUnitOnNegativeList(
                DemoAccounts.TongrenMaterials.Id,
                "2023 年度未按规定核准审核人信息即组织人员申报，所出具的工作业绩证明与事实不符",
                "全面自查本单位近三年申报材料，于 2024 年 6 月底前向省政工职评办提交书面整改报告",
                ListedFrom,
                ListedTo,
                office),
            cancellationToken);
        await story.AtAsync(listedAt.AddMinutes(20), cancellationToken);
        await story.SendAsync<PublishNegativeListing, Guid>(new PublishNegativeListing(listing, PublishedUntil, office), cancellationToken);

        await story.AtAsync(recordedAt, cancellationToken);
        var today = BeijingTime.DateOf(now);
        var defaultEnd = IntegrityRecordEntry.DefaultBanEnd(BeijingTime.DateOf(recordedAt));
        await story.SendAsync<AddIntegrityFinding, Guid>(
            new AddIntegrityFinding(
                BannedIdNumber,
                BannedName,
                DemoAccounts.TongrenMaterials.Id,
                "经所在单位纪检部门查实，2022 年发表的论文存在抄袭（学术不端），由省委宣传部转来",
                Ban: true,
                defaultEnd > today ? defaultEnd : today.AddYears(1),
                office),
            cancellationToken);
    }
}
