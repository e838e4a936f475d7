using TitleReview.Domain.Applications.Opinions;

namespace TitleReview.Domain.Applications;

/// <summary>The review form's opinions, typed by the unit's auditor (for the department too) and printed in their boxes.</summary>
public sealed partial class TitleApplication
{
    /// <summary>单位推荐意见.</summary>
    public string? UnitOpinion { get; private set; }

    /// <summary>主管部门意见, typed by the auditor on the department's behalf.</summary>
    public string? DepartmentOpinion { get; private set; }

    /// <summary>The supervising department as the unit's registration named it when the opinions were saved.</summary>
    public string? OpinionDepartment { get; private set; }

    public DateTimeOffset? OpinionsRecordedAt { get; private set; }

    public string? OpinionsRecordedBy { get; private set; }

    /// <summary>
    /// Saves both opinions together (a form never carries one box from one version and one from
    /// another). Returns whether the text changed: a printed form then no longer says what the
    /// system holds.
    /// </summary>
    public bool RecordOpinions(string? unitOpinion, string? departmentOpinion, string department, bool approvedByTheUnit, bool submittedToTheOffice, string recordedBy, DateTimeOffset now)
    {
        CheckRule(new OpinionsOnlyBetweenApprovalAndSubmissionRule(approvedByTheUnit, submittedToTheOffice));
        CheckRule(new OpinionIsWrittenRule(ReviewFormOpinions.UnitOpinionName, unitOpinion));
        CheckRule(new OpinionFitsTheFormRule(ReviewFormOpinions.UnitOpinionName, unitOpinion));
        CheckRule(new OpinionIsWrittenRule(ReviewFormOpinions.DepartmentOpinionName, departmentOpinion));
        CheckRule(new OpinionFitsTheFormRule(ReviewFormOpinions.DepartmentOpinionName, departmentOpinion));

        var unit = unitOpinion!.Trim();
        var departmentText = departmentOpinion!.Trim();
        if (unit == UnitOpinion && departmentText == DepartmentOpinion && department == OpinionDepartment)
        {
            return false;
        }

        UnitOpinion = unit;
        DepartmentOpinion = departmentText;
        OpinionDepartment = department;
        OpinionsRecordedAt = now;
        OpinionsRecordedBy = recordedBy;
        Touch();
        return true;
    }
}
