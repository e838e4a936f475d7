using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.BulkOperations;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Tests.Workflows.BulkOperations;

/// <summary>What the office is offered, and every request refused before anything is saved.</summary>
public class BulkOperationValidationTests : BulkOperationTestBase
{
    private static readonly DateTimeOffset Until = new(2023, 9, 8, 10, 0, 0, TimeSpan.Zero);

    private List<Guid> _cases = [];

    [SetUp]
    public async Task CloseThreeCasesAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        _cases = await SeedApplicationsAsync(CampaignId, 3, "丁");
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));
        await RunClockAsync();
        Clock.SetUtcNow(Beijing(2023, 9, 2, 10, 0, 0));
    }

    [Test]
    public async Task Prepare_OffersTheTriggersTheOfficeMayFireFromTheSelectedStates_InChinese()
    {
        var preview = await PrepareAsync(Filter(year: 2023));

        preview.Count.Should().Be(3);
        preview.Selection.Should().Be("2023 年度 · 个人申报：符合条件的 3 个实例");
        preview.States.Should().Equal(new BulkStateCount("NotSubmitted", "未提交（申报期已截止）", 3));
        preview.Triggers.Should().Equal(new BulkTriggerOption("reopen", "特例重新开放", RequiresReason: true, RequiresUntil: true, ApplicableCount: 3));
        (await PrepareAsync(Filter("Draft"))).Triggers.Should().BeEmpty("nothing the office may fire leads out of 填报中");
    }

    [Test]
    public async Task Create_WithNoInstanceSelected_GivesAFieldMessage_AndSavesNothing()
    {
        foreach (var nothing in new[] { Filter("Passed"), Ticked() })
        {
            var create = () => CreateBatchAsync(nothing, "reopen", "补交", Until);
            (await create.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().BeEquivalentTo(
                new Dictionary<string, string[]> { ["selection"] = ["没有选中任何流程实例。请勾选实例，或调整筛选条件。"] });
        }

        (await BatchCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Create_WithoutTriggerReasonOrUntil_GivesFieldMessages_AndSavesNothing()
    {
        var noTrigger = () => CreateBatchAsync(Filter(), " ", "补交", Until);
        (await noTrigger.Should().ThrowAsync<ValidationException>()).Which.Errors["trigger"].Should().Equal("请选择要执行的操作。");

        var noReason = () => CreateBatchAsync(Filter(), "reopen", "  ", null);
        (await noReason.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["reason"] = ["请填写“特例重新开放”的原因。"],
            ["until"] = ["请填写特例开放的截止时间。"],
        });

        var pastUntil = () => CreateBatchAsync(Filter(), "reopen", "补交", Beijing(2023, 9, 2, 9, 0, 0));
        (await pastUntil.Should().ThrowAsync<ValidationException>()).Which.Errors["until"].Should().Equal("特例开放的截止时间必须晚于当前时间。");

        var tooLong = () => CreateBatchAsync(Filter(), "reopen", new string('因', WorkflowJournalEntry.MaxReasonLength + 1), Until);
        (await tooLong.Should().ThrowAsync<ValidationException>()).Which.Errors["reason"].Should().Equal("原因不能超过 1000 个字。");

        (await BatchCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Create_WithATriggerTheOfficeMayNotFireThere_GivesAFieldMessage()
    {
        var cases = new Dictionary<string, string>
        {
            ["submit"] = "您的角色不能执行“提交审核”。",
            ["closeFiling"] = "您的角色不能执行“申报期截止”。",
            ["advance"] = "“advance”不是该流程的操作。",
        };
        foreach (var (trigger, message) in cases)
        {
            var create = () => CreateBatchAsync(Filter(), trigger, "补交", Until);
            (await create.Should().ThrowAsync<ValidationException>()).Which.Errors["trigger"].Should().Equal(message);
        }

        var ownedByAUseCase = () => CreateBatchAsync(new BulkSelection(new InstanceFilter(DefinitionId: "unitRegistration")), "approve", null, null);
        (await ownedByAUseCase.Should().ThrowAsync<ValidationException>()).Which.Errors["trigger"]
            .Should().Equal("“审核通过”须在单位报送审核页面（同时创建审核人账号）办理，不能批量执行。");

        await FireAsync(_cases[0], "reopen", "office", "补交", Until);
        var notInState = () => CreateBatchAsync(Ticked(_cases[0]), "reopen", "补交", Until);
        (await notInState.Should().ThrowAsync<ValidationException>()).Which.Errors["trigger"].Should().Equal("所选实例都不处于可以执行“特例重新开放”的状态。");
        (await BatchCountAsync()).Should().Be(0);
    }

    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task Create_ByAnyoneButTheOffice_IsForbidden_AndSavesNothing(string userName)
    {
        var create = () => CreateBatchAsync(Filter(), "reopen", "补交", Until, userName);
        await create.Should().ThrowAsync<ForbiddenAccessException>().WithMessage("只有省政工职评办可以批量操作流程实例。");

        var prepare = () => PrepareAsync(Filter(), userName);
        await prepare.Should().ThrowAsync<ForbiddenAccessException>();
        (await BatchCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Create_AsTheSystem_IsForbidden_AndResultsAreForTheOfficeOnly()
    {
        var bySystem = () => CreateBatchAsync(Filter(), "reopen", "补交", Until, WorkflowActor.Clock);
        await bySystem.Should().ThrowAsync<ForbiddenAccessException>().WithMessage("系统操作只能由系统时钟执行，不能批量执行。");

        var batchId = await CreateBatchAsync(Filter(), "reopen", "补交", Until);
        var auditor = await ActorAsync("auditor1");
        var read = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<GetBulkOperation, BulkOperationDto>>().HandleAsync(new GetBulkOperation(batchId, auditor)));
        await read.Should().ThrowAsync<ForbiddenAccessException>();
    }
}
