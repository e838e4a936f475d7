using TitleReview.Application.Common;
using TitleReview.Domain.Common;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>
/// A dossier rule about one input is asked before the change, so that its message lands next to
/// that field like any other field message; the aggregate checks the same rule again as it changes.
/// </summary>
internal static class FieldRules
{
    public static Validation Check(this Validation validation, string field, IBusinessRule rule) =>
        rule.IsBroken() ? validation.Require(false, field, rule.Message) : validation;
}
