using System.Text.Json;
using System.Text.Json.Serialization;

namespace TitleReview.Web.Manual;

/// <summary>
/// One screenshot of the operating manual, as <c>Manual/screens.json</c> lists it: whom the browser
/// test signs in as (no account: signed out), the address it opens (optionally a link on that page it
/// follows), the Razor page that must answer, the element it captures, and the caption. The guides
/// show it as <c>![…](screen:id)</c>; the browser test writes it to <c>wwwroot/manual/screens/id.png</c>.
/// </summary>
public sealed record ManualScreen
{
    /// <summary>Lower-case letters, digits and hyphens; the PNG's file name.</summary>
    public required string Id { get; init; }

    /// <summary>The guide that shows it (<see cref="ManualGuides.Keys"/>).</summary>
    public required string Guide { get; init; }

    /// <summary>The demo account to sign in as (password <c>Demo#2026</c>); none for a public page.</summary>
    public string? Account { get; init; }

    /// <summary>The address opened: path and query.</summary>
    public required string Url { get; init; }

    /// <summary>A CSS selector of a link on <see cref="Url"/> whose target is the page captured.</summary>
    public string? Follow { get; init; }

    /// <summary>The Razor page that must answer (its name, e.g. <c>/Auditor/Index</c>).</summary>
    public required string Page { get; init; }

    /// <summary>A CSS selector of the element captured (at most a window tall); without it the page's main content.</summary>
    public string? Selector { get; init; }

    /// <summary>Days from the demo's seeding day (Monday 15 June 2026) the clock is set to; 0 by default.</summary>
    public int Day { get; init; }

    /// <summary>The Chinese caption printed under the picture.</summary>
    public required string Caption { get; init; }

    /// <summary>Where the picture is served from.</summary>
    [JsonIgnore]
    public string ImagePath => $"/manual/screens/{Id}.png";
}

/// <summary>The manifest file: the screenshots' window size and the list.</summary>
public sealed record ManualScreens
{
    public int ViewportWidth { get; init; } = 1280;

    public int ViewportHeight { get; init; } = 800;

    public required IReadOnlyList<ManualScreen> Screens { get; init; }

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ManualScreens Parse(Stream json) =>
        JsonSerializer.Deserialize<ManualScreens>(json, JsonOptions)
        ?? throw new InvalidOperationException("Manual/screens.json is empty.");
}
