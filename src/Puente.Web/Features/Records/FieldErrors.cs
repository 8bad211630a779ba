using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Puente.Web.Features.Records;

/// <summary>Validation errors keyed by the field (camelCase, as the API names it).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Whether any of <paramref name="fields"/> has an error.</summary>
    public bool Has(params string[] fields) => fields.Any(_errors.ContainsKey);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Copies the errors to a page's model state under <c>Input.FieldName</c>.</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var (field, messages) in _errors)
        {
            var key = field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
