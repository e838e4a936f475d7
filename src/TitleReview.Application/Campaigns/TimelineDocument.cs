using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TitleReview.Application.Common;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;

namespace TitleReview.Application.Campaigns;

/// <summary>
/// A year's timeline as JSON: <c>workflows/timelines/&lt;year&gt;.json</c>, an office upload, or
/// an export. Windows are written either as whole Beijing days (<c>opens</c>/<c>closes</c>,
/// both inclusive, as the notice writes them) or as exact instants (<c>opensAt</c>/<c>closesAt</c>,
/// the close being the first closed instant), which is what export writes.
/// </summary>
public sealed class TimelineDocument
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public int Year { get; set; }

    public string? Name { get; set; }

    public string? Source { get; set; }

    public string? TenureCutoff { get; set; }

    public List<TimelineStage> Stages { get; set; } = [];

    /// <summary>评审费 per title level in yuan (<c>"Intermediate": 300</c>); a level left out is unset.</summary>
    public Dictionary<string, decimal>? ReviewFees { get; set; }
    /// <summary>The office's published details for units (optional): a campaign created from the file carries them.</summary>
    public TimelineOfficeDetails? OfficeDetails { get; set; }

    public static TimelineDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TimelineDocument>(json, JsonOptions)
                ?? throw new Common.Exceptions.ValidationException("file", "时间安排文件为空。");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"第 {line + 1} 行附近" : "文件中";
            throw new Common.Exceptions.ValidationException("file", $"时间安排文件不是有效的 JSON（{where}）。");
        }
    }

    public static TimelineDocument From(Campaign campaign, string? source = null) => new()
    {
        Year = campaign.Year,
        Name = campaign.Name,
        Source = source,
        TenureCutoff = campaign.TenureCutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Stages = campaign.Stages.Select(s => new TimelineStage
        {
            Key = s.Key,
            Name = s.Name,
            OpensAt = BeijingTime.ToBeijing(s.OpensAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ClosesAt = BeijingTime.ToBeijing(s.ClosesAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Note = s.Note,
        }).ToList(),
        ReviewFees = campaign.ReviewFees().Any(f => f.Value is not null)
            ? campaign.ReviewFees().Where(f => f.Value is not null).ToDictionary(f => f.Key.ToString(), f => f.Value!.Value)
            : null,
        OfficeDetails = campaign.OfficeDetails is { } details ? TimelineOfficeDetails.From(details) : null,
    };

    /// <summary>The fees the file sets, each checked (a known level, a fee in range); all problems reported together.</summary>
    public IReadOnlyDictionary<Domain.Applications.TitleLevel, decimal> ReadReviewFees()
    {
        var validation = new Validation();
        var fees = new Dictionary<Domain.Applications.TitleLevel, decimal>();
        foreach (var (key, fee) in ReviewFees ?? [])
        {
            if (!Enum.TryParse<Domain.Applications.TitleLevel>(key, ignoreCase: true, out var level) || !Enum.IsDefined(level) || int.TryParse(key, out _))
            {
                validation.Add($"reviewFees.{key}", $"评审费中的等级“{key}”无法识别（应为 Assistant、Intermediate 或 Senior）。");
                continue;
            }

            var rule = new ReviewFeeInRangeRule(fee);
            if (rule.IsBroken())
            {
                validation.Add($"reviewFees.{key}", $"{Domain.Applications.TitleLevels.DisplayName(level)}：{rule.Message}");
                continue;
            }

            fees[level] = fee;
        }

        validation.ThrowIfInvalid();
        return fees;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// The year's settings with every field checked against the stages a new campaign has (the
    /// latest campaign definition's catalogue); all problems are reported together.
    /// </summary>
    public (int Year, string Name, DateOnly TenureCutoff, IReadOnlyList<StageWindow> Stages) Read(StageCatalogue catalogue)
    {
        var validation = new Validation();
        validation.Require(Year is >= Campaign.MinYear and <= Campaign.MaxYear, "year", $"年度须在 {Campaign.MinYear} 到 {Campaign.MaxYear} 之间。");

        var cutoff = new DateOnly(Math.Clamp(Year, 1, 9999), 12, 31);
        if (!string.IsNullOrWhiteSpace(TenureCutoff) && !TryDate(TenureCutoff, out cutoff))
        {
            validation.Add("tenureCutoff", $"任职年限终算时间“{TenureCutoff}”不是 yyyy-MM-dd 格式。");
        }

        var windows = new List<StageWindow>();
        for (var i = 0; i < Stages.Count; i++)
        {
            var stage = Stages[i];
            var field = $"stages[{i}]";
            if (string.IsNullOrWhiteSpace(stage.Key) || !catalogue.Contains(stage.Key))
            {
                validation.Add($"{field}.key", $"第 {i + 1} 个阶段的代码“{stage.Key}”无法识别。");
                continue;
            }

            var label = string.IsNullOrWhiteSpace(stage.Name) ? catalogue.NameOf(stage.Key) : stage.Name!;
            var opens = ReadStart(stage, label, field, validation);
            var closes = ReadEnd(stage, label, field, validation);
            if (opens is { } o && closes is { } c)
            {
                windows.Add(new StageWindow(stage.Key, label, o, c, stage.Note));
            }
        }

        if (OfficeDetails is { } details)
        {
            foreach (var (field, message) in OfficeDetailsRules.Check(details.ToDraft()))
            {
                validation.Add($"officeDetails.{field}", $"办公信息：{message}");
            }
        }

        validation.ThrowIfInvalid();

        var rules = TimelineRules.Check(windows, catalogue);
        foreach (var (key, message) in rules)
        {
            validation.Add($"stages.{key}", message);
        }

        validation.ThrowIfInvalid();
        var name = string.IsNullOrWhiteSpace(Name) ? $"{Year}年度贵州省政工专业职务任职资格申报评审" : Name.Trim();
        return (Year, name, cutoff, windows);
    }

    /// <summary>The office's details the file carries, if any; <see cref="Read"/> has already reported their problems.</summary>
    public Domain.Campaigns.OfficeDetails? ReadOfficeDetails() =>
        OfficeDetails is { } details ? Domain.Campaigns.OfficeDetails.Create(details.ToDraft()) : null;

    private static DateTimeOffset? ReadStart(TimelineStage stage, string label, string field, Validation validation)
    {
        if (!string.IsNullOrWhiteSpace(stage.OpensAt))
        {
            if (DateTimeOffset.TryParse(stage.OpensAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return at.ToUniversalTime();
            }

            validation.Add($"{field}.opensAt", $"“{label}”的开始时间“{stage.OpensAt}”格式不正确（应如 2023-08-01T00:00:00+08:00）。");
            return null;
        }

        if (TryDate(stage.Opens, out var day))
        {
            return BeijingTime.StartOfDay(day);
        }

        validation.Add($"{field}.opens", $"“{label}”缺少开始日期，或“{stage.Opens}”不是 yyyy-MM-dd 格式。");
        return null;
    }

    private static DateTimeOffset? ReadEnd(TimelineStage stage, string label, string field, Validation validation)
    {
        if (!string.IsNullOrWhiteSpace(stage.ClosesAt))
        {
            if (DateTimeOffset.TryParse(stage.ClosesAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return at.ToUniversalTime();
            }

            validation.Add($"{field}.closesAt", $"“{label}”的结束时间“{stage.ClosesAt}”格式不正确（应如 2023-09-01T00:00:00+08:00）。");
            return null;
        }

        if (TryDate(stage.Closes, out var lastDay))
        {
            return BeijingTime.StartOfDay(lastDay.AddDays(1));
        }

        validation.Add($"{field}.closes", $"“{label}”缺少截止日期，或“{stage.Closes}”不是 yyyy-MM-dd 格式。");
        return null;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

public sealed class TimelineStage
{
    public string? Key { get; set; }

    public string? Name { get; set; }

    /// <summary>First day, inclusive (Beijing).</summary>
    public string? Opens { get; set; }

    /// <summary>Last day, inclusive (Beijing).</summary>
    public string? Closes { get; set; }

    /// <summary>Exact opening instant with offset.</summary>
    public string? OpensAt { get; set; }

    /// <summary>Exact closing instant with offset: the first instant at which the window is closed.</summary>
    public string? ClosesAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>The timeline file's <c>officeDetails</c> section: the fields of <see cref="Domain.Campaigns.OfficeDetails"/>.</summary>
public sealed class TimelineOfficeDetails
{
    public string? DeliveryAddress { get; set; }

    public string? DeliveryRoom { get; set; }

    public List<TimelineContact> Contacts { get; set; } = [];

    public string? QqGroup { get; set; }

    public string? MailAddress { get; set; }

    public string? MailRecipient { get; set; }

    public string? MailPhone { get; set; }

    public string? PayeeName { get; set; }

    public string? AccountNumber { get; set; }

    public string? BankName { get; set; }

    public string? BranchNumber { get; set; }

    public string? TaxpayerNumber { get; set; }

    public string? TransferRemark { get; set; }

    public static TimelineOfficeDetails From(Domain.Campaigns.OfficeDetails details) => new()
    {
        DeliveryAddress = details.DeliveryAddress,
        DeliveryRoom = details.DeliveryRoom,
        Contacts = details.Contacts.Select(c => new TimelineContact { Name = c.Name, Phone = c.Phone, Topic = c.Topic }).ToList(),
        QqGroup = details.QqGroup,
        MailAddress = details.MailAddress,
        MailRecipient = details.MailRecipient,
        MailPhone = details.MailPhone,
        PayeeName = details.PayeeName,
        AccountNumber = details.AccountNumber,
        BankName = details.BankName,
        BranchNumber = details.BranchNumber,
        TaxpayerNumber = details.TaxpayerNumber,
        TransferRemark = details.TransferRemark,
    };

    public OfficeDetailsDraft ToDraft() => new(
        DeliveryAddress,
        DeliveryRoom,
        Contacts.Select(c => new OfficeContactDraft(c.Name, c.Phone, c.Topic)).ToList(),
        QqGroup,
        MailAddress,
        MailRecipient,
        MailPhone,
        PayeeName,
        AccountNumber,
        BankName,
        BranchNumber,
        TaxpayerNumber,
        TransferRemark);
}

public sealed class TimelineContact
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    /// <summary>What the person answers (系统操作咨询, 政策咨询).</summary>
    public string? Topic { get; set; }
}
