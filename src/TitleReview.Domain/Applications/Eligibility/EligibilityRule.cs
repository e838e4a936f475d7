using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>Which decision a condition holds back.</summary>
public enum EligibilityGate
{
    /// <summary>The applicant's own statements: a dossier that breaks it cannot be submitted.</summary>
    Submission = 1,

    /// <summary>The unit's verification: the auditor cannot approve before it holds.</summary>
    Approval = 2,
}

/// <summary>One condition's outcome with the numbers behind it, in Chinese.</summary>
/// <param name="Rule">The rule's type name: stable, so tests and exports may key on it.</param>
public sealed record EligibilityResult(string Rule, string Condition, DossierSection Section, EligibilityGate Gate, bool Met, string Detail);

/// <summary>
/// An eligibility condition as a named rule: broken when the application does not meet it, and
/// always able to say the numbers behind its outcome (<see cref="Detail"/>), met or not.
/// </summary>
public abstract class EligibilityRule : IBusinessRule
{
    /// <summary>The condition as people name it, e.g. "任现职年限".</summary>
    public abstract string Condition { get; }

    /// <summary>The dossier section where the applicant puts it right.</summary>
    public abstract DossierSection Section { get; }

    public virtual EligibilityGate Gate => EligibilityGate.Submission;

    /// <summary>The numbers behind the outcome, e.g. "任现职 4 年 7 个月，要求满 5 年".</summary>
    public abstract string Detail { get; }

    public string Message => Detail;

    public abstract bool IsBroken();

    public EligibilityResult Result() => new(GetType().Name, Condition, Section, Gate, !IsBroken(), Detail);

    protected static string Day(DateOnly day) => day.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
}
