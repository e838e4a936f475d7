using System.Globalization;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Files;

namespace TitleReview.Benchmarks.Data;

/// <summary>A scan to store for a slot of a dossier: its bytes and the name the applicant's file had.</summary>
internal sealed record ScanFile(string SlotKey, string OriginalName, byte[] Content);

/// <summary>
/// Fills a dossier the way an applicant does, complete for the campaign's rule of the level:
/// personal information, the continuing-education years, a work history, work materials with
/// enough words, the papers required (and a few more), sometimes an award or a book, and one
/// scan for every fixed slot and every entry that takes one.
/// </summary>
internal static class Dossiers
{
    private static readonly string[] Posts =
    [
        "党委办公室主任", "党群工作部部长", "党支部书记", "工会主席", "团委书记", "组织部副部长", "宣传部干事", "纪检监察室主任",
        "人力资源部副经理", "党建工作科科长", "党委宣传部部长", "党群工作部主管", "政治工作处副处长", "企业文化部经理",
    ];

    private static readonly string[] Topics =
    [
        "基层党组织标准化建设", "新时代企业思想政治工作", "职工思想动态分析", "企业文化建设", "党风廉政建设", "青年职工成长成才",
        "安全生产与思想教育", "劳动竞赛组织", "党员教育管理", "宣传思想工作创新", "和谐劳动关系构建", "主题教育",
    ];

    private static readonly string[] Journals = ["思想政治工作研究", "企业文明", "当代贵州", "贵州日报（理论版）", "政工学刊", "中外企业文化", "党建研究"];

    private static readonly string[] AwardLevels = ["省级", "市（州）级", "行业", "企业"];

    /// <summary>The title held before applying for <paramref name="level"/>: the next one down, none for the first level.</summary>
    public static string? TitleBelow(TitleLevel level) => level switch
    {
        TitleLevel.Intermediate => "助理政工师",
        TitleLevel.Senior => "政工师",
        _ => null,
    };

    /// <summary>The current title's level right below the level applied for, as the level ladder asks.</summary>
    public static CurrentTitleLevel LevelBelow(TitleLevel level) => (CurrentTitleLevel)((int)level - 1);

    /// <summary>A stated education, as the unit would verify it.</summary>
    public static StatedEducation Education(int campaignYear, Chance chance) =>
        new(chance.Pick([EducationDegree.Associate, EducationDegree.Bachelor, EducationDegree.Bachelor, EducationDegree.Master]), chance.Pick(Schools), campaignYear - chance.Between(8, 25));

    private static readonly string[] Schools = ["贵州大学", "贵州师范大学", "贵州财经大学", "贵州民族大学", "遵义师范学院"];

    public static IReadOnlyList<ScanFile> Fill(TitleApplication application, LevelRule rule, int campaignYear, string unitName, bool largeScan, Chance chance)
    {
        var firstEvaluation = application.Level == TitleLevel.Assistant && chance.Chances(0.6);
        DateOnly? titleDate = firstEvaluation
            ? null
            : new DateOnly(campaignYear - rule.MinYearsInCurrentTitle - 1 - chance.Between(0, 4), chance.Between(1, 13), chance.Between(1, 29));
        var title = firstEvaluation ? null : TitleBelow(application.Level) ?? "技术员";
        application.UpdatePersonalInfo(
            title,
            firstEvaluation ? CurrentTitleLevel.None : LevelBelow(application.Level),
            titleDate,
            chance.Pick(Posts),
            firstEvaluation ? EvaluationType.FirstEvaluation : EvaluationType.Regular,
            firstEvaluation && chance.Chances(0.2),
            Education(campaignYear, chance));
        var since = titleDate ?? new DateOnly(campaignYear - 3, 1, 1);

        for (var year = campaignYear - Math.Max(3, rule.EducationYears); year < campaignYear; year++)
        {
            var hours = rule.HoursPerYear + chance.Between(0, 50);
            application.AddEntry(new ContinuingEducationYear(chance.NextGuid(), application.Id, year, hours, chance.Between(rule.ProfessionalShare.MinimumOf(hours), hours + 1)));
        }

        var started = since.AddYears(-chance.Between(2, 12));
        var jobs = chance.Between(1, 4);
        for (var job = 0; job < jobs; job++)
        {
            var from = started.AddYears(job * 3);
            DateOnly? to = job == jobs - 1 ? null : from.AddYears(3).AddDays(-1);
            application.AddEntry(new WorkHistoryEntry(chance.NextGuid(), application.Id, from, to, job == jobs - 1 ? unitName : $"{unitName}下属分公司", chance.Pick(Posts)));
        }

        var materials = chance.Between(2, 5);
        var words = rule.RequiredWordCount + chance.Between(0, 3000);
        for (var m = 0; m < materials; m++)
        {
            var kind = (WorkMaterialKind)chance.Between(1, 7);
            application.AddEntry(new WorkMaterial(
                chance.NextGuid(), application.Id, kind, $"关于{chance.Pick(Topics)}的{DossierNames.Describe(kind)}", DayAfter(since, campaignYear, chance), (words / materials) + 1));
        }

        for (var p = 0; p < rule.RequiredPapers + chance.Between(0, 2); p++)
        {
            var date = DayAfter(since, campaignYear, chance);
            application.AddEntry(new Paper(
                chance.NextGuid(), application.Id, $"浅谈{chance.Pick(Topics)}", chance.Pick(Journals), string.Create(CultureInfo.InvariantCulture, $"{date.Year}年第{chance.Between(1, 13)}期"),
                string.Create(CultureInfo.InvariantCulture, $"CN52-{chance.Between(1000, 1100)}/D"), date, chance.Between(1, 3)));
        }

        if (chance.Chances(0.3))
        {
            application.AddEntry(new Award(chance.NextGuid(), application.Id, $"{chance.Pick(Topics)}先进个人", chance.Pick(AwardLevels), $"{unitName}党委", DayAfter(since, campaignYear, chance)));
        }

        if (application.Level == TitleLevel.Senior && chance.Chances(0.1))
        {
            application.AddEntry(new Book(chance.NextGuid(), application.Id, $"{chance.Pick(Topics)}实务", "贵州人民出版社", "978-7-221-" + chance.Between(10000, 99999).ToString(CultureInfo.InvariantCulture) + "-1", DayAfter(since, campaignYear, chance), "参编"));
        }

        var slots = AttachmentSlots.Fixed
            .Select(slot => (Slot: slot, Label: AttachmentSlots.Describe(slot)))
            .Concat(application.Entries.Where(e => e.TakesScan).Select(e => (Slot: e.Key, Label: e.Describe())))
            .ToList();
        var large = largeScan ? chance.Between(0, slots.Count) : -1;
        return slots.Select((s, i) => Scan(application, s.Slot, s.Label, i == large, chance)).ToList();
    }

    private static DateOnly DayAfter(DateOnly since, int campaignYear, Chance chance)
    {
        var last = new DateOnly(campaignYear, 6, 30);
        var span = Math.Max(1, last.DayNumber - since.DayNumber);
        return since.AddDays(chance.Between(0, span));
    }

    private static ScanFile Scan(TitleApplication application, string slot, string label, bool large, Chance chance)
    {
        string[] lines = [$"申报人：{application.ApplicantName}", $"材料：{label}", $"申报编号：{application.Id:N}", $"项目：{slot}"];
        if (large)
        {
            var size = chance.Between(2 * (int)FileSize.Megabyte, 5 * (int)FileSize.Megabyte);
            return new ScanFile(slot, "扫描件（原件）.pdf", Scans.Pdf(lines, chance.Bytes(size)));
        }

        return chance.Weighted<FileKind>([(FileKind.Pdf, 0.6), (FileKind.Jpeg, 0.25), (FileKind.Png, 0.15)]) switch
        {
            FileKind.Jpeg => new ScanFile(slot, "扫描件.jpg", Scans.Jpeg(lines)),
            FileKind.Png => new ScanFile(slot, "扫描件.png", Scans.Png(lines)),
            _ => new ScanFile(slot, "扫描件.pdf", Scans.Pdf(lines)),
        };
    }
}
