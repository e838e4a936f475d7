using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.FireTrigger;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>A transition that belongs to a use case has one path: the generic fire refuses it.</summary>
public class OnePathTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task EveryTransitionMarkedWithAnOperation_IsRefusedByTheGenericFire_AndChangesNothing()
    {
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();
        var marked = definitions.All
            .GroupBy(d => d.DefinitionId)
            .Select(g => g.MaxBy(d => d.Version)!)
            .SelectMany(d => d.Transitions.Where(t => t.Operation is not null).SelectMany(t => t.From.Select(from => (Definition: d, Transition: t, From: from))))
            .ToList();
        marked.Select(m => m.Transition.Operation).Should().Contain(
            [WorkflowOperations.ApproveRegistration, WorkflowOperations.ReturnDossier, WorkflowOperations.ApproveDossier, WorkflowOperations.SubmitDossier],
            "the registration's approval creates the auditor's account and a dossier's return records per-section reasons");

        var office = await ActorAsync("office");
        foreach (var (definition, transition, from) in marked)
        {
            var instanceId = await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var instance = WorkflowInstance.Start(Guid.NewGuid(), definition.DefinitionId, definition.Version, from, new WorkflowSubject(definition.SubjectType, Guid.NewGuid(), "一条路径测试", CampaignId), Clock.GetUtcNow());
                db.WorkflowInstances.Add(instance);
                await db.SaveChangesAsync();
                return instance.Id;
            });

            var generic = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<FireTrigger, FireResult>>().HandleAsync(new FireTrigger(instanceId, transition.Trigger, office, "通过监控直接执行")));

            (await generic.Should().ThrowAsync<DomainException>($"{definition.Key} {transition.Trigger} from {from} belongs to {transition.Operation}"))
                .Which.Message.Should().Contain($"“{transition.DisplayName}”须在").And.Contain(WorkflowOperations.Places[transition.Operation!]);
            (await InstanceAsync(instanceId)).State.Should().Be(from);
            (await JournalAsync(instanceId)).Should().BeEmpty();
        }
    }

    [Test]
    public async Task TheMonitor_OffersOnlyTransitionsCompleteByThemselves()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 19, 10, 0, 0));
        var receipt = await RegisterUnitAsync(TitleReview.Infrastructure.Seeding.DemoAccounts.TongrenMaterials, "孙立", "13800000188");
        var instance = await RegistrationInstanceAsync(receipt);
        var before = (await InstanceAsync(instance)).State;
        var office = await ActorAsync("office");

        var permitted = await InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().PermittedTriggersAsync(instance, office));

        permitted.Should().Contain(t => t.Operation == WorkflowOperations.ApproveRegistration && !t.IsGeneric, "the monitor names it and says where it is done");
        var generic = () => FireAsGenericAsync(instance, permitted.Single(t => t.Operation == WorkflowOperations.ApproveRegistration).Trigger, office);
        await generic.Should().ThrowAsync<DomainException>();
        (await InstanceAsync(instance)).State.Should().Be(before);
        (await JournalAsync(instance)).Should().ContainSingle("only the start is journaled");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitRegistrations.AsNoTracking().SingleAsync(r => r.Id == receipt.RegistrationId)))
            .AuditorUserId.Should().BeNull("no account was created by the refused fire");

        var issued = await ApproveAsync(receipt);
        issued.UserName.Should().NotBeNullOrEmpty("the use case approves and creates the account in one step");
        (await InstanceAsync(instance)).State.Should().NotBe(before);
    }

    private Task<FireResult> FireAsGenericAsync(Guid instanceId, string trigger, WorkflowActor actor) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<FireTrigger, FireResult>>().HandleAsync(new FireTrigger(instanceId, trigger, actor)));
}
