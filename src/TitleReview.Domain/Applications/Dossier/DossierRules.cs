using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Dossier;

/// <summary>
/// A year of continuing education is entered once: the completeness check reads one figure per
/// year, so a second entry would be either double-counted or silently ignored.
/// </summary>
public sealed class OneContinuingEducationEntryPerYearRule(IEnumerable<DossierItem> entries, int year) : IBusinessRule
{
    public bool IsBroken() => entries.OfType<ContinuingEducationYear>().Any(y => y.Year == year);

    public string Message => $"已填写 {year} 年度的继续教育学时；如需修改，请先删除原记录。";
}

/// <summary>A scan fills one of the fixed slots or proves an entry of the dossier that takes its own scan.</summary>
public sealed class ScanSlotIsFixedOrAnEntryRule(string slot, IEnumerable<DossierItem> entries) : IBusinessRule
{
    public bool IsBroken() => !AttachmentSlots.Fixed.Contains(slot) && !entries.Any(e => e.TakesScan && e.Key == slot);

    public string Message => "请选择要上传扫描件的项目。";
}

/// <summary>The auditor ticks only what the checklist asks for: a tick on anything else would count toward nothing.</summary>
public sealed class OnlyMandatoryItemsAreVerifiedRule(string itemKey, IEnumerable<MandatoryItem> mandatoryItems) : IBusinessRule
{
    public bool IsBroken() => !mandatoryItems.Any(m => m.Key == itemKey);

    public string Message => "该项目不在必须校验的清单中。";
}

/// <summary>A return tells the applicant what to change: at least one section carries a reason.</summary>
public sealed class AtLeastOneReasonToReturnRule(IReadOnlyDictionary<DossierSection, string> reasonsGiven) : IBusinessRule
{
    public bool IsBroken() => reasonsGiven.Count == 0;

    public string Message => "退回时请至少为一个部分填写退回原因。";
}

/// <summary>A section's return reason fits the record that keeps it (<see cref="SectionReturn.MaxReasonLength"/> characters).</summary>
public sealed class ReturnReasonLengthRule(DossierSection section, string reason) : IBusinessRule
{
    public bool IsBroken() => reason.Length > SectionReturn.MaxReasonLength;

    public string Message => $"“{DossierSections.DisplayName(section)}”的退回原因不能超过 {SectionReturn.MaxReasonLength} 个字。";
}
