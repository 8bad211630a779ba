namespace Puente.Core.Warning;

/// <summary>
/// A playbook's steps as they are stored (<see cref="Playbook.StepsEn"/>, <see cref="Playbook.StepsEs"/>): one step per
/// line, blank lines ignored, each trimmed. A playbook has at most <see cref="MaxSteps"/> steps of at most
/// <see cref="MaxStepLength"/> characters, within <see cref="Playbook.StepsMaxLength"/> in all.
/// </summary>
public static class PlaybookSteps
{
    public const int MaxSteps = 30;
    public const int MaxStepLength = 500;

    /// <summary>The steps of a stored or entered text, in order.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The stored form of <paramref name="steps"/>: one per line.</summary>
    public static string Join(IEnumerable<string> steps) => string.Join('\n', steps);
}
