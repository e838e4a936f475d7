namespace TitleReview.Domain.Applications.Dossier;

public sealed record MissingItem(DossierSection Section, string Message);

/// <summary>An item the auditor must tick, checked against the originals, before approving.</summary>
public sealed record MandatoryItem(string Key, DossierSection Section, string Description);

/// <summary>
/// The completeness check the notice asks for ("the system restricts submission"): exactly
/// what is missing or below the required numbers, section by section.
/// </summary>
public static class DossierCheck
{
    public static IReadOnlyList<MissingItem> Missing(
        TitleApplication application,
        IReadOnlyList<DossierItem> items,
        IReadOnlyCollection<string> filledSlots,
        LevelRule rule,
        int campaignYear)
    {
        var missing = new List<MissingItem>();
        void Add(DossierSection section, string message) => missing.Add(new MissingItem(section, message));

        // 1. Personal information.
        if (string.IsNullOrWhiteSpace(application.CurrentPost))
        {
            Add(DossierSection.PersonalInfo, "请填写现任思想政治工作岗位职务。");
        }

        if (application.EvaluationType != EvaluationType.FirstEvaluation)
        {
            if (string.IsNullOrWhiteSpace(application.CurrentTitle))
            {
                Add(DossierSection.PersonalInfo, "请填写现任专业技术职务（首评除外）。");
            }

            if (application.CurrentTitleDate is null)
            {
                Add(DossierSection.PersonalInfo, "请填写现任专业技术职务的任职时间。");
            }
        }

        foreach (var slot in new[] { AttachmentSlots.Appointment, AttachmentSlots.Employment, AttachmentSlots.Qualification })
        {
            if (!filledSlots.Contains(slot))
            {
                Add(DossierSection.PersonalInfo, $"缺少{AttachmentSlots.Describe(slot)}扫描件。");
            }
        }

        // 2. Continuing education: the last complete years, each meeting the hours.
        var years = items.OfType<ContinuingEducationYear>().ToList();
        for (var year = campaignYear - rule.EducationYears; year < campaignYear; year++)
        {
            var entry = years.FirstOrDefault(y => y.Year == year);
            if (entry is null)
            {
                Add(DossierSection.ContinuingEducation, $"缺少 {year} 年度的继续教育学时。");
            }
            else if (entry.Hours < rule.HoursPerYear)
            {
                Add(DossierSection.ContinuingEducation, $"{year} 年度继续教育 {entry.Hours} 学时，少于要求的 {rule.HoursPerYear} 学时（差 {rule.HoursPerYear - entry.Hours} 学时）。");
            }
        }

        if (!filledSlots.Contains(AttachmentSlots.EducationCertificate))
        {
            Add(DossierSection.ContinuingEducation, $"缺少{AttachmentSlots.Describe(AttachmentSlots.EducationCertificate)}扫描件。");
        }

        // 3. Work history: at least one entry, each with its appointment document.
        var work = items.OfType<WorkHistoryEntry>().ToList();
        if (work.Count == 0)
        {
            Add(DossierSection.WorkHistory, "请填写参加工作以来的工作经历。");
        }

        // 4 and 5: every entry has its scan; word count and papers since the current title.
        foreach (var item in items.Where(i => i.TakesScan && !filledSlots.Contains(i.Key)))
        {
            Add(item.Section, $"“{item.Describe()}”缺少扫描件。");
        }

        var since = application.CurrentTitleDate;
        var words = WordCountSince(items, since);
        if (words < rule.RequiredWordCount)
        {
            Add(DossierSection.Achievements, $"任现职以来的工作材料共 {words} 字，少于要求的 {rule.RequiredWordCount} 字（差 {rule.RequiredWordCount - words} 字）。");
        }

        var papers = items.OfType<Paper>().Count(p => since is null || p.Date >= since);
        if (papers < rule.RequiredPapers)
        {
            Add(DossierSection.Publications, $"任现职以来公开发表的论文 {papers} 篇，少于要求的 {rule.RequiredPapers} 篇。");
        }

        return missing.OrderBy(m => m.Section).ToList();
    }

    /// <summary>The words of the work materials written since the current title (all of them before its date is known).</summary>
    public static int WordCountSince(IEnumerable<DossierItem> items, DateOnly? since) =>
        items.OfType<WorkMaterial>().Where(m => since is null || m.Date >= since).Sum(m => m.WordCount);

    /// <summary>Tenure in the current title up to the cutoff (Dec 31 of the campaign year), "X 年 Y 个月".</summary>
    public static (int Years, int Months) Tenure(DateOnly from, DateOnly cutoff)
    {
        if (cutoff < from)
        {
            return (0, 0);
        }

        var months = ((cutoff.Year - from.Year) * 12) + cutoff.Month - from.Month - (cutoff.Day < from.Day ? 1 : 0);
        return (months / 12, months % 12);
    }

    /// <summary>Tenure as people read it ("6 年 6 个月"), or null before the current title's date is known.</summary>
    public static string? TenureText(DateOnly? since, DateOnly cutoff)
    {
        if (since is not { } from)
        {
            return null;
        }

        var (years, months) = Tenure(from, cutoff);
        return $"{years} 年 {months} 个月";
    }

    /// <summary>The items the auditor must tick before approving: each entry and the two fixed blocks.</summary>
    public static IReadOnlyList<MandatoryItem> MandatoryItems(IEnumerable<DossierItem> items)
    {
        var list = new List<MandatoryItem>
        {
            new(DossierItemKeys.Personal, DossierSection.PersonalInfo, "个人基本信息及任职文件、聘书、资格证书扫描件"),
            new(DossierItemKeys.Education, DossierSection.ContinuingEducation, "继续教育学时及继续教育登记证扫描件"),
        };
        list.AddRange(items.Where(i => i.MandatoryItemKey == i.Key).OrderBy(i => i.Section).Select(i => new MandatoryItem(i.Key, i.Section, i.Describe())));
        return list;
    }
}
