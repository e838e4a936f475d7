using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;

namespace TitleReview.Domain.Tests.Workflows;

public class BulkOperationTests
{
    private static readonly DateTimeOffset Now = new(2023, 9, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly WorkflowActor Office = new("office-id", "陈静", ["Office"]);

    [Test]
    public void Create_FreezesTheSelectionInOrder_KeepingAnInstanceListedTwiceOnce()
    {
        var a = new BulkSelectedInstance(Guid.NewGuid(), "李华 · 政工师");
        var b = new BulkSelectedInstance(Guid.NewGuid(), "张丽 · 助理政工师");

        var operation = NewOperation([a, b, a]);

        operation.Total.Should().Be(2);
        operation.Items.Select(i => (i.Sequence, i.InstanceId, i.SubjectTitle)).Should().Equal((1, a.InstanceId, a.SubjectTitle), (2, b.InstanceId, b.SubjectTitle));
        operation.Items.Should().OnlyContain(i => i.Outcome == BulkItemOutcome.Pending && i.OperationId == operation.Id);
        operation.Status.Should().Be(BulkOperationStatus.Pending);
        operation.Actor.Should().BeEquivalentTo(Office);
    }

    [Test]
    public void SelectsInstancesRule_WithNoInstance_IsBroken()
    {
        new BulkOperationSelectsInstancesRule(0).IsBroken().Should().BeTrue();
        new BulkOperationSelectsInstancesRule(1).IsBroken().Should().BeFalse();

        var empty = () => NewOperation([]);
        empty.Should().Throw<BusinessRuleViolationException>().WithMessage("没有选中任何流程实例。请勾选实例，或调整筛选条件。");
    }

    [Test]
    public void SizeLimitRule_AboveTheMaximum_IsBroken()
    {
        new BulkOperationSizeLimitRule(BulkOperation.MaxItems).IsBroken().Should().BeFalse();
        new BulkOperationSizeLimitRule(BulkOperation.MaxItems + 1).IsBroken().Should().BeTrue();
        new BulkOperationSizeLimitRule(BulkOperation.MaxItems + 1).Message.Should().Be("一次最多批量处理 20000 个流程实例，当前选中 20001 个。请缩小筛选范围后分批处理。");
    }

    [Test]
    public void IsNotTheSystemsRule_ForTheClock_IsBroken()
    {
        new BulkOperationIsNotTheSystemsRule(WorkflowActor.Clock).IsBroken().Should().BeTrue();
        new BulkOperationIsNotTheSystemsRule(Office).IsBroken().Should().BeFalse();
    }

    [Test]
    public void RecordProgress_CompletesTheBatchWhenEveryItemHasItsOutcome_AndKeepsTheFirstStart()
    {
        var operation = NewOperation([new(Guid.NewGuid(), "甲"), new(Guid.NewGuid(), "乙")]);
        operation.Start(Now);
        operation.Start(Now.AddMinutes(5));
        operation.StartedAt.Should().Be(Now, "a job run again after a crash does not restart the batch");

        operation.RecordProgress(fired: 1, refused: 0, Now.AddMinutes(1));
        operation.Status.Should().Be(BulkOperationStatus.Running);
        operation.Processed.Should().Be(1);

        operation.RecordProgress(fired: 1, refused: 1, Now.AddMinutes(2));
        operation.Status.Should().Be(BulkOperationStatus.Completed);
        (operation.Processed, operation.Fired, operation.Refused).Should().Be((2, 1, 1));
        operation.FinishedAt.Should().Be(Now.AddMinutes(2));

        var overcounted = () => operation.RecordProgress(fired: 2, refused: 1, Now);
        overcounted.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Item_GetsOneOutcomeOnly()
    {
        var item = NewOperation([new(Guid.NewGuid(), "甲")]).Items[0];

        item.RecordRefused("当前状态为“填报中”，不能执行“特例重新开放”。", Now);

        item.IsProcessed.Should().BeTrue();
        item.ProcessedAt.Should().Be(Now);
        var again = () => item.RecordFired("已执行", Now);
        again.Should().Throw<InvalidOperationException>();
        var describe = () => item.DescribeFire("未提交 → 填报中");
        describe.Should().Throw<InvalidOperationException>("only a fired item names where it went");
    }

    private static BulkOperation NewOperation(IReadOnlyList<BulkSelectedInstance> instances) =>
        BulkOperation.Create(Guid.NewGuid(), "application", "reopen", "特例重新开放", "系统故障", Now.AddDays(3), Office, "2023 年度 · 个人申报", instances, Now);
}
