namespace TitleReview.Domain.Applications.Dossier;

/// <summary>
/// The level of the applicant's current title as the level ladder reads it. A title of another
/// series (工程师, 会计师 …) is stated at its equivalent level; the free-text current title names it.
/// </summary>
public enum CurrentTitleLevel
{
    /// <summary>无: no professional title yet.</summary>
    None = 0,

    /// <summary>助理政工师 or another series' assistant level (初级).</summary>
    Assistant = 1,

    /// <summary>政工师 or another series' intermediate level (中级).</summary>
    Intermediate = 2,

    /// <summary>高级政工师 or another series' senior level (副高级).</summary>
    Senior = 3,
}

/// <summary>学历: the highest education completed.</summary>
public enum EducationDegree
{
    /// <summary>中专或高中.</summary>
    Secondary = 1,

    /// <summary>大学专科.</summary>
    Associate = 2,

    /// <summary>大学本科.</summary>
    Bachelor = 3,

    /// <summary>硕士研究生.</summary>
    Master = 4,

    /// <summary>博士研究生.</summary>
    Doctorate = 5,
}

/// <summary>
/// The applicant's highest education as they state it. The notice (二(二)2): certificates are not
/// uploaded; the unit verifies them and the auditor ticks <see cref="DossierItemKeys.Degree"/>.
/// </summary>
public sealed record StatedEducation(EducationDegree Degree, string School, int GraduationYear)
{
    public const int MaxSchoolLength = 100;

    public override string ToString() => $"{EducationDegrees.DisplayName(Degree)}，{School}，{GraduationYear} 年毕业";
}

public static class EducationDegrees
{
    public static string DisplayName(EducationDegree degree) => degree switch
    {
        EducationDegree.Secondary => "中专或高中",
        EducationDegree.Associate => "大学专科",
        EducationDegree.Bachelor => "大学本科",
        EducationDegree.Master => "硕士研究生",
        EducationDegree.Doctorate => "博士研究生",
        _ => degree.ToString(),
    };
}

public static class CurrentTitleLevels
{
    public static string DisplayName(CurrentTitleLevel level) => level switch
    {
        CurrentTitleLevel.None => "无",
        CurrentTitleLevel.Assistant => "助理政工师（或其他系列初级）",
        CurrentTitleLevel.Intermediate => "政工师（或其他系列中级）",
        CurrentTitleLevel.Senior => "高级政工师（或其他系列副高级）",
        _ => level.ToString(),
    };

    /// <summary>The ladder's rung: 0 for no title, then the <see cref="TitleLevel"/> of the same number.</summary>
    public static int Rung(CurrentTitleLevel level) => (int)level;

    public static int Rung(TitleLevel level) => (int)level;
}
