using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Puente.Web.Features.Records;

/// <summary>The common part of every record's edit form (<c>_RecordFields</c>, <c>_AccessFields</c>): its values and errors.</summary>
public sealed record RecordFormModel(RecordInput Input, string GrantsText, ModelStateDictionary ModelState)
{
    public string Error(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : "";

    /// <summary>Splits a form's "a, b; c" text (grants, participants) into entries.</summary>
    public static List<string> SplitList(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
