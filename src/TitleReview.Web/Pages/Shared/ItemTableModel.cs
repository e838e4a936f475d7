using TitleReview.Application.Applications.Dossier;
using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Web.Pages.Shared;

public sealed record ItemTableModel(IReadOnlyList<DossierItem> Items, DossierView Dossier, bool WithScans);
