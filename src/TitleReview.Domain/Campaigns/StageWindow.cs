namespace TitleReview.Domain.Campaigns;

/// <summary>A stage's window as entered or imported, before it becomes part of a campaign.</summary>
public sealed record StageWindow(string Key, string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string? Note = null);
