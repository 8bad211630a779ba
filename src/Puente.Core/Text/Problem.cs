using System.Globalization;

namespace Puente.Core.Text;

/// <summary>
/// A kind of problem a Core rule can report: a stable <see cref="Code"/>, which the user interfaces translate, and the
/// English <see cref="Template"/> (composite format, <c>{0}</c>, <c>{1}</c>… for the arguments) used where no
/// translation applies (the CLI, logs). Every kind is a static field of a <c>…Problems</c> class, so that a test can
/// hold the translations to the full list.
/// </summary>
public sealed record ProblemKind(string Code, string Template)
{
    /// <summary>This problem with its arguments (numbers and dates are formatted by the reader's culture).</summary>
    public Problem With(params object[] arguments) => new(this, arguments);
}

/// <summary>A reported problem: its kind and the arguments of its message.</summary>
public sealed record Problem(ProblemKind Kind, IReadOnlyList<object> Arguments)
{
    public string Code => Kind.Code;

    /// <summary>The English message, as the CLI prints it.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Kind.Template, [.. Arguments]);
}
