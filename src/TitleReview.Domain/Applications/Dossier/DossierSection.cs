namespace TitleReview.Domain.Applications.Dossier;

/// <summary>The five parts of an applicant's dossier, in the notice's order.</summary>
public enum DossierSection
{
    /// <summary>个人基本信息.</summary>
    PersonalInfo = 1,

    /// <summary>继续教育学时.</summary>
    ContinuingEducation = 2,

    /// <summary>工作经历.</summary>
    WorkHistory = 3,

    /// <summary>任职后主要专业工作业绩.</summary>
    Achievements = 4,

    /// <summary>任现职后主要论文成果.</summary>
    Publications = 5,
}

public static class DossierSections
{
    public static readonly IReadOnlyList<DossierSection> All = Enum.GetValues<DossierSection>();

    public static string DisplayName(DossierSection section) => section switch
    {
        DossierSection.PersonalInfo => "个人基本信息",
        DossierSection.ContinuingEducation => "继续教育学时",
        DossierSection.WorkHistory => "工作经历",
        DossierSection.Achievements => "任职后主要专业工作业绩",
        DossierSection.Publications => "任现职后主要论文成果",
        _ => section.ToString(),
    };

    public static string Slug(DossierSection section) => section switch
    {
        DossierSection.PersonalInfo => "personal",
        DossierSection.ContinuingEducation => "education",
        DossierSection.WorkHistory => "work",
        DossierSection.Achievements => "achievements",
        _ => "publications",
    };

    public static DossierSection? FromSlug(string? slug) => All.Cast<DossierSection?>().FirstOrDefault(s => Slug(s!.Value) == slug);
}

public enum EvaluationType
{
    /// <summary>正常申报.</summary>
    Regular = 1,

    /// <summary>首评, e.g. after moving from the civil service to an enterprise.</summary>
    FirstEvaluation = 2,
}

public enum WorkMaterialKind
{
    Notice = 1,
    Plan = 2,
    Report = 3,
    Brief = 4,
    Summary = 5,
    Speech = 6,
}

public static class DossierNames
{
    public static string Describe(WorkMaterialKind kind) => kind switch
    {
        WorkMaterialKind.Notice => "通知",
        WorkMaterialKind.Plan => "方案",
        WorkMaterialKind.Report => "报告",
        WorkMaterialKind.Brief => "简报",
        WorkMaterialKind.Summary => "总结",
        _ => "讲话稿",
    };

    public static string Describe(EvaluationType type) => type == EvaluationType.FirstEvaluation ? "首评" : "正常申报";
}
