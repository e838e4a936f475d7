using TitleReview.Domain.Applications.Eligibility;

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
    /// <remarks>
    /// The conditions of eligibility are the Domain's named rules (<see cref="EligibilityCheck"/>):
    /// those the applicant's own statements meet (<see cref="EligibilityGate.Submission"/>) are
    /// listed here with their numbers; the unit's verification of education holds back only the
    /// auditor's approval. What remains here is what the form and the scans must simply contain.
    /// </remarks>
    public static IReadOnlyList<MissingItem> Missing(
        TitleApplication application,
        IReadOnlyList<DossierItem> items,
        IReadOnlyCollection<string> filledSlots,
        EligibilityTerms terms)
    {
        ArgumentNullException.ThrowIfNull(application);
        var missing = new List<MissingItem>();
        void Add(DossierSection section, string message) => missing.Add(new MissingItem(section, message));

        // 1. Personal information.
        if (string.IsNullOrWhiteSpace(application.CurrentPost))
        {
            Add(DossierSection.PersonalInfo, "请填写现任思想政治工作岗位职务。");
        }

        if (application.EvaluationType != EvaluationType.FirstEvaluation && string.IsNullOrWhiteSpace(application.CurrentTitle))
        {
            Add(DossierSection.PersonalInfo, "请填写现任专业技术职务（首评除外）。");
        }

        if (application.Education is null)
        {
            Add(DossierSection.PersonalInfo, "请填写最高学历（学历、毕业院校、毕业年份），学历证书不需上传，由单位核实。");
        }

        foreach (var slot in new[] { AttachmentSlots.Appointment, AttachmentSlots.Employment })
        {
            if (!filledSlots.Contains(slot))
            {
                Add(DossierSection.PersonalInfo, $"缺少{AttachmentSlots.Describe(slot)}扫描件。");
            }
        }

        // 2. Continuing education: its certificate (the hours are a condition below).
        if (!filledSlots.Contains(AttachmentSlots.EducationCertificate))
        {
            Add(DossierSection.ContinuingEducation, $"缺少{AttachmentSlots.Describe(AttachmentSlots.EducationCertificate)}扫描件。");
        }

        // 3. Work history: at least one entry, each with its appointment document.
        if (!items.OfType<WorkHistoryEntry>().Any())
        {
            Add(DossierSection.WorkHistory, "请填写参加工作以来的工作经历。");
        }

        // 4 and 5: every entry has its scan.
        foreach (var item in items.Where(i => i.TakesScan && !filledSlots.Contains(i.Key)))
        {
            Add(item.Section, $"“{item.Describe()}”缺少扫描件。");
        }

        // The conditions of eligibility the applicant's statements must meet.
        var facts = EligibilityFacts.Of(application, items, filledSlots, []);
        foreach (var unmet in EligibilityCheck.Evaluate(facts, terms).Where(r => r.Gate == EligibilityGate.Submission && !r.Met))
        {
            Add(unmet.Section, $"{unmet.Condition}不符合申报条件：{unmet.Detail}。");
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
            new(DossierItemKeys.Degree, DossierSection.PersonalInfo, "学历已核实（由单位核实学历、学位，证书不上传）"),
            new(DossierItemKeys.Education, DossierSection.ContinuingEducation, "继续教育学时及继续教育登记证扫描件"),
        };
        list.AddRange(items.Where(i => i.MandatoryItemKey == i.Key).OrderBy(i => i.Section).Select(i => new MandatoryItem(i.Key, i.Section, i.Describe())));
        return list;
    }
}
