using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns.PublishOfficeDetails;

/// <summary>
/// The office publishes, or corrects, its details for a year's units as a whole: where to deliver,
/// whom to call, where to mail the voucher, the bank account. Every problem is reported beside its
/// field and nothing is saved; a change is journaled on the campaign's instance, naming the fields.
/// </summary>
public sealed record PublishOfficeDetails(int Year, OfficeDetailsDraft Details, Guid? ExpectedToken, WorkflowActor Actor);

internal sealed class PublishOfficeDetailsHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<PublishOfficeDetails, Guid>
{
    public const string EditOfficeDetailsTrigger = "editOfficeDetails";

    private const string Conflict = "该年度的办公信息刚刚已被他人修改，您的修改未保存。请刷新页面查看最新内容后再改。";

    public async Task<Guid> HandleAsync(PublishOfficeDetails request, CancellationToken cancellationToken = default)
    {
        var validation = new Validation();
        foreach (var (field, message) in OfficeDetailsRules.Check(request.Details))
        {
            validation.Add(field, message);
        }

        validation.ThrowIfInvalid();

        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度评审工作");
        if (request.ExpectedToken is { } token && token != campaign.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException(Conflict);
        }

        var details = OfficeDetails.Create(request.Details);
        var changed = details.ChangedFrom(campaign.OfficeDetails);
        if (changed.Count == 0)
        {
            return campaign.ConcurrencyToken;
        }

        var first = campaign.OfficeDetails is null;
        campaign.PublishOfficeDetails(details);
        var now = clock.GetUtcNow();
        var instance = await db.WorkflowInstances
            .SingleAsync(i => i.SubjectType == CampaignWorkflow.SubjectType && i.SubjectId == campaign.Id, cancellationToken);
        instance.Touch(now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id,
            instance.State,
            EditOfficeDetailsTrigger,
            instance.State,
            request.Actor,
            first ? "发布报送及缴费办公信息" : $"修改报送及缴费办公信息：{string.Join("、", changed)}",
            now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(Conflict, ex);
        }

        return campaign.ConcurrencyToken;
    }
}
