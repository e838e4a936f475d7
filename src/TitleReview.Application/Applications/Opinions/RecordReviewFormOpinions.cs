using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Opinions;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Opinions;

/// <summary>
/// The unit's auditor types the review form's 单位推荐意见 and, on the supervising department's
/// behalf, its 主管部门意见, between the unit's approval and its submission to the office.
/// </summary>
public sealed record RecordReviewFormOpinions(Guid ApplicationId, string? UnitOpinion, string? DepartmentOpinion, Guid? DossierToken, WorkflowActor Actor);

/// <param name="Changed">False when the text was already the same: nothing was saved.</param>
/// <param name="FormReissued">A review form had been generated with other text: it no longer counts, and printing it again issues a new number and code.</param>
public sealed record OpinionsRecorded(bool Changed, bool FormReissued);

internal sealed class RecordReviewFormOpinionsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<RecordReviewFormOpinions, OpinionsRecorded>
{
    public const string UnitOpinionField = "unitOpinion";

    public const string DepartmentOpinionField = "departmentOpinion";

    public async Task<OpinionsRecorded> HandleAsync(RecordReviewFormOpinions request, CancellationToken cancellationToken = default)
    {
        new Validation()
            .Check(UnitOpinionField, new OpinionIsWrittenRule(ReviewFormOpinions.UnitOpinionName, request.UnitOpinion))
            .Check(UnitOpinionField, new OpinionFitsTheFormRule(ReviewFormOpinions.UnitOpinionName, request.UnitOpinion))
            .Check(DepartmentOpinionField, new OpinionIsWrittenRule(ReviewFormOpinions.DepartmentOpinionName, request.DepartmentOpinion))
            .Check(DepartmentOpinionField, new OpinionFitsTheFormRule(ReviewFormOpinions.DepartmentOpinionName, request.DepartmentOpinion))
            .ThrowIfInvalid();
        if (!request.Actor.Roles.Contains(Roles.Auditor))
        {
            throw new ForbiddenAccessException("只有本单位审核人可以填写评审表意见。");
        }

        var (application, instance, _) = await DossierAccess.LoadAsync(db, request.ApplicationId, request.Actor, track: true, cancellationToken);
        DossierAccess.EnsureCurrent(application, request.DossierToken);
        var department = await units.SupervisingDepartmentAsync(application.CampaignId, application.UnitId, cancellationToken);
        var now = clock.GetUtcNow();
        var changed = application.RecordOpinions(
            request.UnitOpinion,
            request.DepartmentOpinion,
            department,
            definitions.Has(instance, StateCapabilities.DocumentsPrintable),
            definitions.Has(instance, StateCapabilities.SubmittedToOffice),
            request.Actor.Name,
            now);
        if (!changed)
        {
            return new OpinionsRecorded(Changed: false, FormReissued: false);
        }

        // A form printed before the change would still verify as current with the old text: it stops counting.
        var printed = await db.GeneratedDocuments
            .Where(d => d.ApplicationId == application.Id && d.Kind == DocumentKind.ReviewForm && d.SupersededAt == null)
            .ToListAsync(cancellationToken);
        foreach (var form in printed)
        {
            form.Supersede(now);
        }

        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id,
            instance.State,
            ApplicationWorkflow.RecordOpinionsNote,
            instance.State,
            request.Actor,
            $"{ReviewFormOpinions.UnitOpinionName}：{application.UnitOpinion}；{ReviewFormOpinions.DepartmentOpinionName}（{department}）：{application.DepartmentOpinion}"
                + (printed.Count > 0 ? $"；此前生成的评审表（编号 {string.Join("、", printed.Select(f => f.Number))}）作废" : string.Empty),
            now));
        await DossierAccess.SaveAsync(db, cancellationToken);
        return new OpinionsRecorded(Changed: true, FormReissued: printed.Count > 0);
    }
}
