using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Opinions;

/// <summary>The two boxes of the review form the unit fills before sealing it (评审表“单位推荐意见”“主管部门意见”).</summary>
public static class ReviewFormOpinions
{
    /// <summary>About a third of the form's page: what fits in its box when printed.</summary>
    public const int MaxLength = 500;

    public const string UnitOpinionName = "单位推荐意见";

    public const string DepartmentOpinionName = "主管部门意见";
}

/// <summary>
/// An opinion is the unit's (or its department's) evaluation and recommendation, which the notice
/// requires on the form: a box saved blank would print as if nobody had recommended the applicant.
/// </summary>
public sealed class OpinionIsWrittenRule(string boxName, string? text) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(text);

    public string Message => $"请填写{boxName}（对申报人的评价和推荐意见）。";
}

/// <summary>An opinion longer than its box would run off the printed form.</summary>
public sealed class OpinionFitsTheFormRule(string boxName, string? text) : IBusinessRule
{
    public bool IsBroken() => (text?.Trim().Length ?? 0) > ReviewFormOpinions.MaxLength;

    public string Message => $"{boxName}不能超过 {ReviewFormOpinions.MaxLength} 个字。";
}

/// <summary>
/// The opinions are the unit's recommendation of a dossier it approved: not before the approval
/// (there is nothing approved to recommend), and not once the unit has submitted it to the office,
/// which then holds the form as sent.
/// </summary>
public sealed class OpinionsOnlyBetweenApprovalAndSubmissionRule(bool approvedByTheUnit, bool submittedToTheOffice) : IBusinessRule
{
    public bool IsBroken() => !approvedByTheUnit || submittedToTheOffice;

    public string Message => submittedToTheOffice
        ? "材料已报送省政工职评办，不能再修改评审表意见。"
        : "单位审核通过后，才能填写评审表意见。";
}
