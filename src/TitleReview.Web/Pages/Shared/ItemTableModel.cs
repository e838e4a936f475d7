using TitleReview.Application.Applications.Dossier;

namespace TitleReview.Web.Pages.Shared;

public sealed record ItemTableModel(IReadOnlyList<DossierEntryView> Items, DossierView Dossier, bool WithScans);
