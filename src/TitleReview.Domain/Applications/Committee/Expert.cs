using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee;

/// <summary>
/// 评审专家: the profile of one expert account (the account, with its mobile and e-mail, lives in
/// Identity; this holds what the committee needs). <see cref="UnitId"/> is set when the expert's
/// organisation is a registered unit: recusal compares it with each candidate's unit.
/// </summary>
public sealed class Expert : Entity
{
    public const int MaxNameLength = 64;
    public const int MaxOrganisationLength = 100;
    public const int MaxTitleLength = 50;
    public const int MaxFieldLength = 100;

    private Expert()
    {
        UserId = string.Empty;
        Name = string.Empty;
        Organisation = string.Empty;
        ProfessionalTitle = string.Empty;
        Field = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The expert's account (role Expert).</summary>
    public string UserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>工作单位 as the expert names it.</summary>
    public string Organisation { get; private set; }

    /// <summary>The registered unit the organisation is, if it is one.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>专业技术职务 (e.g. 高级政工师, 教授).</summary>
    public string ProfessionalTitle { get; private set; }

    /// <summary>专业领域.</summary>
    public string Field { get; private set; }

    /// <summary>An inactive expert keeps their history but cannot join a committee.</summary>
    public bool IsActive { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public static Expert Create(string userId, string name, string organisation, Guid? unitId, string professionalTitle, string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var expert = new Expert { Id = Guid.NewGuid(), UserId = userId, IsActive = true };
        expert.Describe(name, organisation, unitId, professionalTitle, field);
        return expert;
    }

    public void Describe(string name, string organisation, Guid? unitId, string professionalTitle, string field)
    {
        CheckRule(new ExpertProfileIsCompleteRule(name, organisation, professionalTitle, field));
        Name = name.Trim();
        Organisation = organisation.Trim();
        UnitId = unitId;
        ProfessionalTitle = professionalTitle.Trim();
        Field = field.Trim();
        ConcurrencyToken = Guid.NewGuid();
    }

    public void Activate()
    {
        IsActive = true;
        ConcurrencyToken = Guid.NewGuid();
    }

    public void Deactivate()
    {
        IsActive = false;
        ConcurrencyToken = Guid.NewGuid();
    }
}

/// <summary>An expert's profile names the person, their organisation, professional title and field, each within its length.</summary>
public sealed class ExpertProfileIsCompleteRule(string? name, string? organisation, string? professionalTitle, string? field) : IBusinessRule
{
    public bool IsBroken() =>
        Missing(name, Expert.MaxNameLength) || Missing(organisation, Expert.MaxOrganisationLength)
        || Missing(professionalTitle, Expert.MaxTitleLength) || Missing(field, Expert.MaxFieldLength);

    public string Message =>
        $"专家信息须填写姓名（{Expert.MaxNameLength}字以内）、工作单位（{Expert.MaxOrganisationLength}字以内）、专业技术职务（{Expert.MaxTitleLength}字以内）和专业领域（{Expert.MaxFieldLength}字以内）。";

    private static bool Missing(string? value, int max) => string.IsNullOrWhiteSpace(value) || value.Trim().Length > max;
}
