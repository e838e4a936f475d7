using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Domain.Common;

namespace TitleReview.Application.Tests.SpotChecks;

/// <summary>
/// The acceptance of the draw: a published draw recomputed from its published inputs (the inputs
/// JSON, as anyone downloads it) by an implementation written here from docs/spot-check-draw.md,
/// not by the production class; one bit of the public value changes the selection; the page's own
/// verification says 一致 for the real inputs and 不一致 for altered ones.
/// 40 cleared applicants in 8 units: half the units, 2 persons in each, 20% across per level.
/// </summary>
public class SpotCheckDrawVerificationTests : SpotCheckTestBase
{
    private Guid _drawId;

    [SetUp]
    public async Task DrawnAsync()
    {
        Clock.SetUtcNow(DefinedAt);
        await CandidatesInUnitsAsync(8, 5);
        await DefineAsync(Domain.Applications.SpotChecks.DrawMode.Percent, 50, 2, Domain.Applications.SpotChecks.DrawMode.Percent, 20, perLevel: true);
        Clock.SetUtcNow(CommittedAt);
        _drawId = (await CommitAsync()).DrawId;
        Clock.SetUtcNow(DrawAt);
        await DrawAsync("581");
    }

    [Test]
    public async Task PublishedDraw_RecomputedFromItsPublishedJsonByAnIndependentImplementation_GivesThePublishedSelection()
    {
        var inputs = await PublishedJsonAsync();

        var recomputed = Independent.Select(inputs, inputs.GetProperty("publicValue").GetString()!);

        Independent.Sha256(inputs.GetProperty("seed").GetString()!).Should().Be(inputs.GetProperty("commitment").GetString());
        Independent.Digest(inputs).Should().Be(inputs.GetProperty("candidatesDigest").GetString());
        var published = inputs.GetProperty("selection");
        recomputed.Units.Should().Equal(Strings(published.GetProperty("units"))).And.HaveCount(4);
        recomputed.InUnits.Should().Equal(Strings(published.GetProperty("personsInUnits"))).And.HaveCount(8);
        recomputed.Across.Should().Equal(Strings(published.GetProperty("personsAcross"))).And.NotBeEmpty();

        var page = (await PublicViewAsync(_drawId)).Draw;
        page.ChosenCandidates.Select(c => c.Number).Order(StringComparer.Ordinal)
            .Should().Equal(recomputed.InUnits.Concat(recomputed.Across).Order(StringComparer.Ordinal));
        page.ChosenUnits.Select(u => u.Number).Should().BeEquivalentTo(recomputed.Units);
    }

    [Test]
    public async Task PublicValue_WithOneBitFlipped_ChangesTheSelection()
    {
        var inputs = await PublishedJsonAsync();
        var value = inputs.GetProperty("publicValue").GetString()!;
        var flipped = Encoding.UTF8.GetString([.. Encoding.UTF8.GetBytes(value).Select((b, i) => i == 0 ? (byte)(b ^ 1) : b)]);

        var real = Independent.Select(inputs, value);
        var altered = Independent.Select(inputs, flipped);

        flipped.Should().Be("481");
        altered.InUnits.Concat(altered.Across).Should().NotEqual(real.InUnits.Concat(real.Across));
    }

    [Test]
    public async Task VerificationForm_WithThePublishedSeedAndValue_Says一致_AndWithAlteredOnes_Says不一致WithTheFailedCheck()
    {
        var drawn = (await PublicViewAsync(_drawId)).Draw;

        var real = (await PublicViewAsync(_drawId, drawn.Seed, drawn.PublicValue)).Verification!;
        var otherValue = (await PublicViewAsync(_drawId, drawn.Seed, "481")).Verification!;
        var otherSeed = (await PublicViewAsync(_drawId, new string('0', 64), drawn.PublicValue)).Verification!;

        real.Matches.Should().BeTrue();
        otherValue.Matches.Should().BeFalse();
        otherValue.Failures.Should().Equal("公开数值与公布的公开数值不一致", "重新计算的抽取结果与公布的结果不一致");
        otherSeed.Matches.Should().BeFalse();
        otherSeed.Failures.Should().Contain("种子的 SHA-256 与公布的承诺值不一致");
    }

    [Test]
    public async Task Draw_ASecondTime_IsRefused_AndKeepsTheFirstDraw()
    {
        var before = await StoredDrawAsync();
        Clock.SetUtcNow(DrawAt.AddHours(1));

        var again = () => DrawAsync("582");

        (await again.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<Domain.Applications.SpotChecks.OneSpotCheckDrawPerCampaignRule>();
        var after = await StoredDrawAsync();
        (after.PublicValue, after.Seed, after.DrawnAt).Should().Be((before.PublicValue, before.Seed, before.DrawnAt));
        after.Candidates.Select(c => c.Choice).Should().Equal(before.Candidates.Select(c => c.Choice));
    }

    private async Task<JsonElement> PublishedJsonAsync()
    {
        // The JSON exactly as the endpoint writes it (web defaults: camelCase).
        var json = JsonSerializer.Serialize(await InputsAsync(_drawId), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>docs/spot-check-draw.md, implemented again from the page with System.Security.Cryptography only.</summary>
    private static class Independent
    {
        public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        public static string Digest(JsonElement inputs)
        {
            var text = new StringBuilder();
            foreach (var u in inputs.GetProperty("units").EnumerateArray())
            {
                text.Append($"unit\t{u.GetProperty("number").GetString()}\t{u.GetProperty("name").GetString()}\n");
            }

            foreach (var c in inputs.GetProperty("candidates").EnumerateArray())
            {
                text.Append($"person\t{c.GetProperty("number").GetString()}\t{c.GetProperty("unitNumber").GetString()}\t{c.GetProperty("level").GetString()}\t{c.GetProperty("maskedName").GetString()}\n");
            }

            return Sha256(text.ToString());
        }

        public static (List<string> Units, List<string> InUnits, List<string> Across) Select(JsonElement inputs, string publicValue)
        {
            var seed = inputs.GetProperty("seed").GetString()!;
            var value = publicValue.Trim().Normalize(NormalizationForm.FormC);
            var rules = inputs.GetProperty("rules");
            var units = inputs.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("number").GetString()!).ToList();
            var candidates = inputs.GetProperty("candidates").EnumerateArray()
                .Select(c => (Number: c.GetProperty("number").GetString()!, Unit: c.GetProperty("unitNumber").GetString()!, Level: c.GetProperty("level").GetString()!))
                .ToList();

            List<string> Take(string stage, IEnumerable<string> ids, int k) =>
                [.. ids.OrderBy(id => Sha256(seed + "\n" + value + "\n" + stage + "\n" + id), StringComparer.Ordinal).ThenBy(id => id, StringComparer.Ordinal).Take(k)];

            int Quota(string mode, int amount, int n) => mode switch
            {
                "count" => Math.Min(amount, n),
                "percent" => Math.Min((amount * n + 99) / 100, n),
                _ => 0,
            };

            var chosenUnits = Take("unit", units, Quota(rules.GetProperty("unitsMode").GetString()!, rules.GetProperty("unitsValue").GetInt32(), units.Count));
            var perUnit = rules.GetProperty("personsPerUnit");
            var inUnits = new List<string>();
            foreach (var unit in chosenUnits)
            {
                var members = candidates.Where(c => c.Unit == unit).Select(c => c.Number).ToList();
                inUnits.AddRange(Take("unit:" + unit, members, perUnit.ValueKind == JsonValueKind.Null ? members.Count : Math.Min(perUnit.GetInt32(), members.Count)));
            }

            var remaining = candidates.Where(c => !inUnits.Contains(c.Number)).ToList();
            var acrossMode = rules.GetProperty("acrossMode").GetString()!;
            var acrossValue = rules.GetProperty("acrossValue").GetInt32();
            var across = new List<string>();
            if (rules.GetProperty("acrossPerLevel").GetBoolean())
            {
                foreach (var level in remaining.Select(c => c.Level).Distinct().Order(StringComparer.Ordinal))
                {
                    var scope = remaining.Where(c => c.Level == level).Select(c => c.Number).ToList();
                    across.AddRange(Take("person:" + level, scope, Quota(acrossMode, acrossValue, scope.Count)));
                }
            }
            else
            {
                across.AddRange(Take("person", remaining.Select(c => c.Number), Quota(acrossMode, acrossValue, remaining.Count)));
            }

            return (chosenUnits, inUnits, across);
        }
    }
}
