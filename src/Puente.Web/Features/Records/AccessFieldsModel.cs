using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Puente.Web.Features.Records;

/// <summary>The access part of an edit form.</summary>
public sealed record AccessFieldsModel(string? Confidentiality, string? OwnerSide, string GrantsText, ModelStateDictionary ModelState)
{
    public string Error(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : "";

    /// <summary>Splits the form's "user:a, group:b" text into grants.</summary>
    public static List<string> ParseGrants(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
