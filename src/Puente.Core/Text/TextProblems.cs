namespace Puente.Core.Text;

/// <summary>Every problem <see cref="PlainText"/> reports. The web layer translates each <see cref="ProblemKind.Code"/> (EN/ES).</summary>
public static class TextProblems
{
    public static readonly ProblemKind ControlCharacter = new("text.controlCharacter", "contains a control character (U+{0}); remove it");
    public static readonly ProblemKind BidiControl = new("text.bidiControl",
        "contains a text-direction override (U+{0}), which can make text display differently from what it says; remove it");
    public static readonly ProblemKind Invisible = new("text.invisible", "has no visible characters");
}
