namespace TitleReview.Domain.Campaigns;

/// <summary>
/// One stage a campaign definition declares: its key (used in timelines, guards and timers),
/// the notice's name for it, and, for a stage that runs inside another one's window (the
/// publicity feedback inside preliminary review), that other stage's key.
/// </summary>
public sealed record StageDefinition(string Key, string Name, string? Within = null);
