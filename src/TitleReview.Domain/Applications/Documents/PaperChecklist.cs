using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Units;

namespace TitleReview.Domain.Applications.Documents;

public sealed record ChecklistItem(int Number, string Name, string Copies, string Note);

/// <summary>
/// The notice's six paper items (报送纸质申报材料), worked out for one person: the entrustment
/// letter and the civil-service papers only where the notice asks for them.
/// </summary>
public static class PaperChecklist
{
    public static bool NeedsEntrustmentLetter(UnitNature nature, TitleLevel level) => nature switch
    {
        UnitNature.OutOfProvinceEnterprise => level is TitleLevel.Intermediate or TitleLevel.Senior,
        UnitNature.ProvincialEnterprise => false,
        _ => level == TitleLevel.Intermediate,
    };

    public static bool NeedsCivilServicePapers(EvaluationType type, bool fromCivilService) =>
        type == EvaluationType.FirstEvaluation && fromCivilService;

    public static IReadOnlyList<ChecklistItem> For(UnitNature nature, TitleLevel level, EvaluationType type, bool fromCivilService)
    {
        var items = new List<ChecklistItem>();
        if (NeedsEntrustmentLetter(nature, level))
        {
            items.Add(new(1, "委托评审函", "1 份", nature == UnitNature.OutOfProvinceEnterprise
                ? "由非本省企业上级主管单位人事（职称）部门出具"
                : "由市（州）人社局出具"));
        }

        items.Add(new(2, "单位公示结果", "1 份", "须在申报系统中生成后打印"));
        items.Add(new(3, "《单位报送专业技术职务任职资格诚信承诺书》《个人申报专业技术职务任职资格诚信承诺书》", "各 1 份", "须在申报系统中生成后打印"));
        items.Add(new(4, "《专业技术职务任职资格评审表》", "2 份，双面胶装", "须在申报系统中生成后打印；“单位推荐意见”“主管部门意见”栏须有评价、推荐意见并加盖单位公章"));
        if (NeedsCivilServicePapers(type, fromCivilService))
        {
            items.Add(new(5, "公务员登记表及到企业任职的文件复印件", "各 1 份", "由单位组织（人事）部门负责人签字确认"));
        }

        items.Add(new(6, "一寸免冠彩色近照", "1 张", "照片背面注明所在单位和姓名"));
        return items;
    }
}
