using TitleReview.Domain.Workflows;

namespace TitleReview.Domain.Tests.Workflows;

/// <summary>A timer's <c>at</c>: its grammar, its canonical form and its words for staff.</summary>
public class TimerExpressionTests
{
    [TestCase("close:filing", TimerAnchorKind.Close, "filing", null, TimerUnit.Days, false)]
    [TestCase("open:unitPublicity", TimerAnchorKind.Open, "unitPublicity", null, TimerUnit.Days, false)]
    [TestCase("mark:defenseAt", TimerAnchorKind.Mark, "defenseAt", null, TimerUnit.Days, false)]
    [TestCase("5wd after open:unitPublicity", TimerAnchorKind.Open, "unitPublicity", 5, TimerUnit.WorkingDays, false)]
    [TestCase("7d before mark:defenseAt", TimerAnchorKind.Mark, "defenseAt", 7, TimerUnit.Days, true)]
    [TestCase("3wd before close:payment", TimerAnchorKind.Close, "payment", 3, TimerUnit.WorkingDays, true)]
    [TestCase("365d after mark:a1", TimerAnchorKind.Mark, "a1", 365, TimerUnit.Days, false)]
    public void Parse_WellFormed_ReadsEveryPartAndWritesItBackAsWritten(string text, TimerAnchorKind kind, string anchor, int? count, TimerUnit unit, bool before)
    {
        var expression = TimerExpression.Parse(text);

        expression.AnchorKind.Should().Be(kind);
        expression.AnchorName.Should().Be(anchor);
        expression.Count.Should().Be(count);
        if (count is not null)
        {
            expression.Unit.Should().Be(unit);
            expression.Before.Should().Be(before);
        }

        expression.ToString().Should().Be(text);
    }

    [Test]
    public void StageKeyAndMarkName_TellWhatTheTimerHangsOn()
    {
        TimerExpression.Parse("2d after close:filing").StageKey.Should().Be("filing");
        TimerExpression.Parse("2d after close:filing").MarkName.Should().BeNull();
        TimerExpression.Parse("2d after mark:defenseAt").MarkName.Should().Be("defenseAt");
        TimerExpression.Parse("2d after mark:defenseAt").StageKey.Should().BeNull();
    }

    [TestCase("", TestName = "Parse_WhenEmpty_RefusedWithTheGrammar")]
    [TestCase("later:filing", TestName = "Parse_WhenAnchorKindUnknown_RefusedWithTheGrammar")]
    [TestCase("close:", TestName = "Parse_WhenAnchorNameMissing_RefusedWithTheGrammar")]
    [TestCase("5 wd after close:filing", TestName = "Parse_WhenSpaceInsideTheCount_RefusedWithTheGrammar")]
    [TestCase("5w after close:filing", TestName = "Parse_WhenUnitUnknown_RefusedWithTheGrammar")]
    [TestCase("5wd around close:filing", TestName = "Parse_WhenDirectionUnknown_RefusedWithTheGrammar")]
    [TestCase("5wd after", TestName = "Parse_WhenAnchorMissing_RefusedWithTheGrammar")]
    [TestCase("-5d after close:filing", TestName = "Parse_WhenCountNegative_RefusedWithTheGrammar")]
    [TestCase("5wd after close:filing ", TestName = "Parse_WhenTrailingSpace_RefusedWithTheGrammar")]
    public void Parse_Malformed_RefusedWithTheGrammar(string text)
    {
        TimerExpression.TryParse(text, out var expression, out var problem).Should().BeFalse();

        expression.Should().BeNull();
        problem.Should().Contain($"'{text}' is not a timer expression").And.Contain("open:<stage>").And.Contain("<n>wd after");
        var act = () => TimerExpression.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("*is not a timer expression*");
    }

    [TestCase("0wd after close:filing", TestName = "Parse_WhenCountZero_RefusedWithTheRange")]
    [TestCase("366d before mark:defenseAt", TestName = "Parse_WhenCountOverAYear_RefusedWithTheRange")]
    [TestCase("99999999999d after mark:defenseAt", TestName = "Parse_WhenCountOverflows_RefusedWithTheRange")]
    public void Parse_CountOutOfRange_RefusedWithTheRange(string text)
    {
        TimerExpression.TryParse(text, out _, out var problem).Should().BeFalse();

        problem.Should().Contain($"'{text}'").And.Contain("between 1 and 365");
    }

    [TestCase("open:unitPublicity", "“单位公示”开始时")]
    [TestCase("close:filing", "“填报”结束时")]
    [TestCase("mark:defenseAt", "“答辩时间”时")]
    [TestCase("5wd after open:unitPublicity", "“单位公示”开始后第 5 个工作日结束时")]
    [TestCase("3wd before mark:defenseAt", "“答辩时间”前第 3 个工作日开始时")]
    [TestCase("2d after close:filing", "“填报”结束后 2 天")]
    [TestCase("7d before mark:defenseAt", "“答辩时间”前 7 天")]
    public void Describe_ReadsAsChinese(string text, string expected)
    {
        var stages = new Dictionary<string, string> { ["unitPublicity"] = "单位公示", ["filing"] = "填报" };

        TimerExpression.Parse(text).Describe(k => stages[k], m => m == "defenseAt" ? "答辩时间" : m).Should().Be(expected);
    }
}
