using Puente.Core.Text;

namespace Puente.Core.Water;

/// <summary>A problem with one named input field (camelCase, as the API names it).</summary>
public sealed record FieldProblem(string Field, Problem Problem);
