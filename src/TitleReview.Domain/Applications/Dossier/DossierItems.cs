namespace TitleReview.Domain.Applications.Dossier;

/// <summary>
/// One entry in a dossier section, with the scan that proves it. The kinds share a table;
/// each keeps its own fields. Entries are replaced whole when edited.
/// </summary>
public abstract class DossierItem
{
    protected DossierItem()
    {
    }

    protected DossierItem(Guid id, Guid applicationId)
    {
        Id = id;
        ApplicationId = applicationId;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public abstract DossierSection Section { get; }

    /// <summary>How the auditor's checklist and the missing-items list name this entry.</summary>
    public abstract string Describe();

    /// <summary>Which of the entry kinds (<see cref="DossierEntryKinds"/>) this is.</summary>
    public abstract string EntryKind { get; }

    /// <summary>The key of this entry's verification and attachment slot.</summary>
    public string Key => $"{GetType().Name}:{Id:N}";

    /// <summary>Whether the entry has its own scan; a continuing-education year is proved by the section's certificate.</summary>
    public virtual bool TakesScan => true;

    /// <summary>The mandatory item (<see cref="DossierCheck.MandatoryItems"/>) whose tick this entry's content stands behind.</summary>
    public virtual string MandatoryItemKey => Key;
}

/// <summary>The entry kinds, as forms send them and the database tells them apart.</summary>
public static class DossierEntryKinds
{
    public const string Education = "education";
    public const string Work = "work";
    public const string Award = "award";
    public const string Material = "material";
    public const string Paper = "paper";
    public const string Book = "book";
}

/// <summary>继续教育学时, one year.</summary>
public sealed class ContinuingEducationYear : DossierItem
{
    private ContinuingEducationYear()
    {
    }

    public ContinuingEducationYear(Guid id, Guid applicationId, int year, int hours, int professionalHours)
        : base(id, applicationId)
    {
        Year = year;
        Hours = hours;
        ProfessionalHours = professionalHours;
    }

    public int Year { get; private set; }

    public int Hours { get; private set; }

    public int ProfessionalHours { get; private set; }

    public override string EntryKind => DossierEntryKinds.Education;

    public override bool TakesScan => false;

    public override string MandatoryItemKey => DossierItemKeys.Education;

    public override DossierSection Section => DossierSection.ContinuingEducation;

    public override string Describe() => $"{Year} 年度继续教育 {Hours} 学时（专业科目 {ProfessionalHours} 学时）";
}

/// <summary>工作经历, from first job to now.</summary>
public sealed class WorkHistoryEntry : DossierItem
{
    private WorkHistoryEntry()
    {
        Unit = string.Empty;
        Post = string.Empty;
    }

    public WorkHistoryEntry(Guid id, Guid applicationId, DateOnly from, DateOnly? to, string unit, string post)
        : base(id, applicationId)
    {
        From = from;
        To = to;
        Unit = unit;
        Post = post;
    }

    public DateOnly From { get; private set; }

    /// <summary>Null: to this day (至今).</summary>
    public DateOnly? To { get; private set; }

    public string Unit { get; private set; }

    public string Post { get; private set; }

    public override string EntryKind => DossierEntryKinds.Work;

    public override DossierSection Section => DossierSection.WorkHistory;

    public override string Describe() => $"{From:yyyy-MM} 至 {(To is { } t ? t.ToString("yyyy-MM") : "今")} {Unit} {Post}";
}

/// <summary>获奖证书 or commendation document.</summary>
public sealed class Award : DossierItem
{
    private Award()
    {
        Name = string.Empty;
        Level = string.Empty;
        Issuer = string.Empty;
    }

    public Award(Guid id, Guid applicationId, string name, string level, string issuer, DateOnly date)
        : base(id, applicationId)
    {
        Name = name;
        Level = level;
        Issuer = issuer;
        Date = date;
    }

    public string Name { get; private set; }

    public string Level { get; private set; }

    public string Issuer { get; private set; }

    public DateOnly Date { get; private set; }

    public override string EntryKind => DossierEntryKinds.Award;

    public override DossierSection Section => DossierSection.Achievements;

    public override string Describe() => $"获奖：{Name}（{Level}，{Issuer}，{Date:yyyy-MM}）";
}

/// <summary>工作材料: a notice, plan, report, brief, summary or speech the applicant drafted.</summary>
public sealed class WorkMaterial : DossierItem
{
    private WorkMaterial()
    {
        Title = string.Empty;
    }

    public WorkMaterial(Guid id, Guid applicationId, WorkMaterialKind kind, string title, DateOnly date, int wordCount)
        : base(id, applicationId)
    {
        Kind = kind;
        Title = title;
        Date = date;
        WordCount = wordCount;
    }

    public WorkMaterialKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateOnly Date { get; private set; }

    public int WordCount { get; private set; }

    public override string EntryKind => DossierEntryKinds.Material;

    public override DossierSection Section => DossierSection.Achievements;

    public override string Describe() => $"工作材料：{DossierNames.Describe(Kind)}《{Title}》（{Date:yyyy-MM}，{WordCount} 字）";
}

/// <summary>公开发表的论文.</summary>
public sealed class Paper : DossierItem
{
    private Paper()
    {
        Title = string.Empty;
        Journal = string.Empty;
        Issue = string.Empty;
        IssnCn = string.Empty;
    }

    public Paper(Guid id, Guid applicationId, string title, string journal, string issue, string issnCn, DateOnly date, int authorRank)
        : base(id, applicationId)
    {
        Title = title;
        Journal = journal;
        Issue = issue;
        IssnCn = issnCn;
        Date = date;
        AuthorRank = authorRank;
    }

    public string Title { get; private set; }

    public string Journal { get; private set; }

    public string Issue { get; private set; }

    public string IssnCn { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>1 for the first author.</summary>
    public int AuthorRank { get; private set; }

    public override string EntryKind => DossierEntryKinds.Paper;

    public override DossierSection Section => DossierSection.Publications;

    public override string Describe() => $"论文：《{Title}》，{Journal} {Issue}（{IssnCn}，第 {AuthorRank} 作者）";
}

/// <summary>公开出版的著作.</summary>
public sealed class Book : DossierItem
{
    private Book()
    {
        Title = string.Empty;
        Publisher = string.Empty;
        Isbn = string.Empty;
        Role = string.Empty;
    }

    public Book(Guid id, Guid applicationId, string title, string publisher, string isbn, DateOnly date, string role)
        : base(id, applicationId)
    {
        Title = title;
        Publisher = publisher;
        Isbn = isbn;
        Date = date;
        Role = role;
    }

    public string Title { get; private set; }

    public string Publisher { get; private set; }

    public string Isbn { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>主编 / 副主编 / 参编 / 独著 ….</summary>
    public string Role { get; private set; }

    public override string EntryKind => DossierEntryKinds.Book;

    public override DossierSection Section => DossierSection.Publications;

    public override string Describe() => $"著作：《{Title}》，{Publisher}（ISBN {Isbn}，{Role}）";
}
