using System.Globalization;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>Section 1: the applicant's current title, post and evaluation type.</summary>
public sealed record SavePersonalInfo(
    Guid ApplicationId,
    string? CurrentTitle,
    DateOnly? CurrentTitleDate,
    string? CurrentPost,
    EvaluationType? EvaluationType,
    bool FromCivilService,
    Guid? ExpectedToken,
    WorkflowActor Actor)
{
    public const int MaxCurrentTitleLength = 50;

    public const int MaxCurrentPostLength = 100;

    public const int MinGraduationYear = 1950;

    /// <summary>The current title's level on the ladder (a title of another series at its equivalent level).</summary>
    public CurrentTitleLevel? CurrentTitleLevel { get; init; }

    /// <summary>学历: the degree, the school and the year, stated together.</summary>
    public EducationDegree? EducationDegree { get; init; }

    public string? EducationSchool { get; init; }

    public int? GraduationYear { get; init; }
}

/// <summary>An entry of sections 2–5. <see cref="Kind"/> says which fields apply.</summary>
public sealed record DossierItemInput(
    string? Kind,
    int? Year = null,
    int? Hours = null,
    int? ProfessionalHours = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Unit = null,
    string? Post = null,
    string? Name = null,
    string? Level = null,
    string? Issuer = null,
    DateOnly? Date = null,
    WorkMaterialKind? MaterialKind = null,
    string? Title = null,
    int? WordCount = null,
    string? Journal = null,
    string? Issue = null,
    string? IssnCn = null,
    int? AuthorRank = null,
    string? Publisher = null,
    string? Isbn = null,
    string? Role = null);

public sealed record AddDossierItem(Guid ApplicationId, DossierItemInput Input, Guid? ExpectedToken, WorkflowActor Actor)
{
    /// <summary>The longest text an entry's field accepts.</summary>
    public const int MaxText = 200;
}

public sealed record DeleteDossierItem(Guid ApplicationId, Guid ItemId, Guid? ExpectedToken, WorkflowActor Actor);

public sealed record DossierChange(Guid ApplicationId, Guid? ItemId, Guid ConcurrencyToken);

internal sealed class SavePersonalInfoHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<SavePersonalInfo, DossierChange>
{
    public async Task<DossierChange> HandleAsync(SavePersonalInfo request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.LoadDossierAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        var now = clock.GetUtcNow();
        DossierAccess.EnsureEditable(definitions, application, instance, campaign, request.Actor, now, request.ExpectedToken);

        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(request.CurrentPost), "currentPost", "请填写现任思想政治工作岗位职务。");
        v.Require(request.CurrentPost is null || request.CurrentPost.Trim().Length <= SavePersonalInfo.MaxCurrentPostLength, "currentPost", $"岗位职务不能超过 {SavePersonalInfo.MaxCurrentPostLength} 个字。");
        v.Require(request.EvaluationType is not null && Enum.IsDefined(request.EvaluationType.Value), "evaluationType", "请选择申报类型（正常申报或首评）。");
        v.Require(request.CurrentTitle is null || request.CurrentTitle.Trim().Length <= SavePersonalInfo.MaxCurrentTitleLength, "currentTitle", $"现任专业技术职务不能超过 {SavePersonalInfo.MaxCurrentTitleLength} 个字。");
        v.Require(request.CurrentTitleDate is null || request.CurrentTitleDate <= campaign.TenureCutoff, "currentTitleDate", "任现职时间不能晚于任职年限终算时间。");
        v.Require(request.CurrentTitleDate is null || request.CurrentTitleDate.Value.Year >= 1950, "currentTitleDate", "任现职时间不正确。");
        v.Require(request.CurrentTitleLevel is null || Enum.IsDefined(request.CurrentTitleLevel.Value), "currentTitleLevel", "请选择现任职务等级。");
        var education = Education(request, campaign.Year, v);
        v.ThrowIfInvalid();

        application.UpdatePersonalInfo(request.CurrentTitle, request.CurrentTitleLevel, request.CurrentTitleDate, request.CurrentPost, request.EvaluationType!.Value, request.FromCivilService, education);
        await DossierAccess.SaveAsync(db, cancellationToken);
        return new DossierChange(application.Id, null, application.ConcurrencyToken);
    }

    /// <summary>The three education fields stated together, or all left empty (the completeness check then asks for them).</summary>
    private static StatedEducation? Education(SavePersonalInfo request, int campaignYear, Validation v)
    {
        var school = request.EducationSchool?.Trim();
        if (request.EducationDegree is null && string.IsNullOrEmpty(school) && request.GraduationYear is null)
        {
            return null;
        }

        v.Require(request.EducationDegree is { } degree && Enum.IsDefined(degree), "educationDegree", "请选择学历。");
        v.Require(!string.IsNullOrEmpty(school), "educationSchool", "请填写毕业院校。");
        v.Require(school is null || school.Length <= StatedEducation.MaxSchoolLength, "educationSchool", $"毕业院校不能超过 {StatedEducation.MaxSchoolLength} 个字。");
        v.Require(request.GraduationYear is not null, "graduationYear", "请填写毕业年份。");
        v.Require(request.GraduationYear is null || (request.GraduationYear >= SavePersonalInfo.MinGraduationYear && request.GraduationYear <= campaignYear), "graduationYear", $"毕业年份应在 {SavePersonalInfo.MinGraduationYear} 年至 {campaignYear} 年之间。");
        return v.IsValid ? new StatedEducation(request.EducationDegree!.Value, school!, request.GraduationYear!.Value) : null;
    }
}

internal sealed class AddDossierItemHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<AddDossierItem, DossierChange>
{
    public async Task<DossierChange> HandleAsync(AddDossierItem request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.LoadDossierAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        var now = clock.GetUtcNow();
        DossierAccess.EnsureEditable(definitions, application, instance, campaign, request.Actor, now, request.ExpectedToken);

        var item = Build(application.Id, request.Input, campaign.TenureCutoff);
        if (item is ContinuingEducationYear year)
        {
            new Validation().Check("year", new OneContinuingEducationEntryPerYearRule(application.Entries, year.Year)).ThrowIfInvalid();
        }

        application.AddEntry(item);
        await DossierAccess.SaveAsync(db, cancellationToken);
        return new DossierChange(application.Id, item.Id, application.ConcurrencyToken);
    }

    internal static DossierItem Build(Guid applicationId, DossierItemInput i, DateOnly cutoff)
    {
        var v = new Validation();
        string Text(string field, string? value, string label)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                v.Add(field, $"请填写{label}。");
                return string.Empty;
            }

            if (value.Trim().Length > AddDossierItem.MaxText)
            {
                v.Add(field, $"{label}不能超过 {AddDossierItem.MaxText} 个字。");
            }

            return value.Trim();
        }

        DateOnly Day(string field, DateOnly? value, string label)
        {
            if (value is null)
            {
                v.Add(field, $"请填写{label}。");
                return default;
            }

            if (value > cutoff || value.Value.Year < 1950)
            {
                v.Add(field, $"{label}应在 1950 年至 {cutoff:yyyy年M月d日} 之间。");
            }

            return value.Value;
        }

        int Number(string field, int? value, string label, int min, int max)
        {
            if (value is null)
            {
                v.Add(field, $"请填写{label}。");
                return 0;
            }

            if (value < min || value > max)
            {
                v.Add(field, $"{label}应在 {min.ToString(CultureInfo.InvariantCulture)} 到 {max.ToString(CultureInfo.InvariantCulture)} 之间。");
            }

            return value.Value;
        }

        var id = Guid.NewGuid();
        DossierItem? item = null;
        switch (i.Kind)
        {
            case DossierEntryKinds.Education:
                var year = Number("year", i.Year, "年度", 2000, cutoff.Year);
                var hours = Number("hours", i.Hours, "总学时", 0, 1000);
                var professional = Number("professionalHours", i.ProfessionalHours, "专业科目学时", 0, 1000);
                v.Require(i.ProfessionalHours is null || i.Hours is null || i.ProfessionalHours <= i.Hours, "professionalHours", "专业科目学时不能多于总学时。");
                item = new ContinuingEducationYear(id, applicationId, year, hours, professional);
                break;
            case DossierEntryKinds.Work:
                var from = Day("from", i.From, "起始时间");
                v.Require(i.To is null || i.From is null || i.To >= i.From, "to", "截止时间不能早于起始时间。");
                item = new WorkHistoryEntry(id, applicationId, from, i.To, Text("unit", i.Unit, "工作单位"), Text("post", i.Post, "职务（岗位）"));
                break;
            case DossierEntryKinds.Award:
                item = new Award(id, applicationId, Text("name", i.Name, "奖项名称"), Text("level", i.Level, "奖项级别"), Text("issuer", i.Issuer, "颁发单位"), Day("date", i.Date, "获奖时间"));
                break;
            case DossierEntryKinds.Material:
                v.Require(i.MaterialKind is not null && Enum.IsDefined(i.MaterialKind.Value), "materialKind", "请选择材料类别（通知、方案、报告、简报、总结、讲话稿）。");
                item = new WorkMaterial(id, applicationId, i.MaterialKind ?? WorkMaterialKind.Report, Text("title", i.Title, "材料标题"), Day("date", i.Date, "成稿时间"), Number("wordCount", i.WordCount, "字数", 1, 1_000_000));
                break;
            case DossierEntryKinds.Paper:
                item = new Paper(id, applicationId, Text("title", i.Title, "论文题目"), Text("journal", i.Journal, "刊物名称"), Text("issue", i.Issue, "期号"), Text("issnCn", i.IssnCn, "ISSN/CN 刊号"), Day("date", i.Date, "发表时间"), Number("authorRank", i.AuthorRank, "作者排名", 1, 50));
                break;
            case DossierEntryKinds.Book:
                item = new Book(id, applicationId, Text("title", i.Title, "著作名称"), Text("publisher", i.Publisher, "出版社"), Text("isbn", i.Isbn, "ISBN"), Day("date", i.Date, "出版时间"), Text("role", i.Role, "本人承担的角色"));
                break;
            default:
                v.Add("kind", "无法识别的材料类别。");
                break;
        }

        v.ThrowIfInvalid();
        return item!;
    }
}

internal sealed class DeleteDossierItemHandler(IApplicationDbContext db, IFileStore files, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<DeleteDossierItem, DossierChange>
{
    public async Task<DossierChange> HandleAsync(DeleteDossierItem request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.LoadDossierAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        DossierAccess.EnsureEditable(definitions, application, instance, campaign, request.Actor, clock.GetUtcNow(), request.ExpectedToken);

        var item = application.FindEntry(request.ItemId) ?? throw new NotFoundException("该条记录");
        var scan = application.RemoveEntry(item);
        await DossierAccess.SaveAsync(db, cancellationToken);
        if (scan is not null)
        {
            await files.DeleteAsync(scan.StorageKey, cancellationToken);
        }

        return new DossierChange(application.Id, item.Id, application.ConcurrencyToken);
    }
}
