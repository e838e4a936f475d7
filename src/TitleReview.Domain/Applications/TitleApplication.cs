using TitleReview.Domain.Applications.Publicity;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications;

/// <summary>
/// 申报: one applicant's application in one campaign. (Named TitleApplication so that it
/// never collides with the TitleReview.Application namespace.) Its progress is the state of
/// its workflow instance. It is the root of its dossier (TitleApplication.Dossier.cs): the
/// materials, their scans, the auditor's ticks and returns change only through it.
/// </summary>
public sealed partial class TitleApplication : Entity
{
    private TitleApplication()
    {
        ApplicantUserId = string.Empty;
        ApplicantName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public string ApplicantUserId { get; private set; }

    public string ApplicantName { get; private set; }

    public Guid UnitId { get; private set; }

    public TitleLevel Level { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    /// <summary>现任专业技术职务 (empty for a first evaluation).</summary>
    public string? CurrentTitle { get; private set; }

    /// <summary>任现职时间: tenure counts from here to the campaign's cutoff.</summary>
    public DateOnly? CurrentTitleDate { get; private set; }

    /// <summary>现任思想政治工作岗位职务.</summary>
    public string? CurrentPost { get; private set; }

    /// <summary>The current title's level on the ladder; null until the applicant states it.</summary>
    public Dossier.CurrentTitleLevel? CurrentTitleLevel { get; private set; }

    /// <summary>学历 as stated (<see cref="Education"/>); the three are set together.</summary>
    public Dossier.EducationDegree? EducationDegree { get; private set; }

    public string? EducationSchool { get; private set; }

    public int? GraduationYear { get; private set; }

    /// <summary>The highest education as stated; null until the applicant states it.</summary>
    public Dossier.StatedEducation? Education =>
        EducationDegree is { } degree && EducationSchool is { } school && GraduationYear is { } year ? new(degree, school, year) : null;

    public Dossier.EvaluationType EvaluationType { get; private set; } = Dossier.EvaluationType.Regular;

    /// <summary>For a first evaluation: moved from the civil service (机关) to an enterprise.</summary>
    public bool FromCivilService { get; private set; }

    /// <summary>单位公示: the first and the last day (5 working days by the calendar).</summary>
    public DateOnly? PublicityStart { get; private set; }

    public DateOnly? PublicityEnd { get; private set; }

    public PublicityOutcome? PublicityOutcome { get; private set; }

    /// <summary>For an objection: what it was and how it was handled.</summary>
    public string? PublicityNote { get; private set; }

    public DateTimeOffset? PublicityRecordedAt { get; private set; }

    /// <summary>Starts the publicity now, by the clock: its first day is today, Beijing time.</summary>
    public void StartPublicity(DateTimeOffset now, WorkingDayCalendar calendar)
    {
        var period = UnitPublicityPeriod.StartedAt(now, calendar);
        PublicityStart = period.FirstDay;
        PublicityEnd = period.LastDay;
        PublicityOutcome = null;
        PublicityNote = null;
        PublicityRecordedAt = null;
        Touch();
    }

    public void RecordPublicity(PublicityOutcome outcome, string? note, DateTimeOffset now)
    {
        CheckRule(new PublicityResultOnlyAfterThePeriodRule(PublicityEnd, now));
        PublicityOutcome = outcome;
        PublicityNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        PublicityRecordedAt = now;
        Touch();
    }

    /// <summary>Any change to the dossier or its review renews the token: a stale page cannot overwrite it.</summary>
    private void Touch() => ConcurrencyToken = Guid.NewGuid();

    public static TitleApplication Start(Guid id, Guid campaignId, string applicantUserId, string applicantName, Guid unitId, TitleLevel level, DateTimeOffset now)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("请选择申报的专业职务等级。");
        }

        return new TitleApplication
        {
            Id = id,
            CampaignId = campaignId,
            ApplicantUserId = applicantUserId,
            ApplicantName = applicantName,
            UnitId = unitId,
            Level = level,
            CreatedAt = now,
            ConcurrencyToken = Guid.NewGuid(),
        };
    }
}
