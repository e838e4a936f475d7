using TitleReview.Application.Applications.Dossier;

namespace TitleReview.Web.Pages.Shared;

/// <summary>
/// A whole dossier as reviewers read it (the auditor's review, the office's preliminary desk):
/// the eligibility outcomes, every section with its scans in inline viewers, the mandatory items.
/// </summary>
/// <param name="VerifyAction">Where each mandatory item's 核验 button posts; null to show the items without it.</param>
public sealed record DossierReadingModel(DossierView Dossier, string? VerifyAction);
