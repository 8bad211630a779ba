using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Puente.Data.Search;

/// <summary>
/// Words and their search terms, the same for what is indexed and what is asked (docs/decisions/0049-search.md).
/// A word is a run of letters or digits; everything else (quotes, <c>*</c>, <c>-</c>, <c>:</c>, …) only separates words,
/// so nothing a user types is ever search syntax. Each word stands for a few terms: the word folded (lower case, no
/// accents) and its English and Spanish Snowball stems (of the folded word, and for Spanish also of the accented one,
/// whose suffix rules are written with accents), all folded. A query word matches a text word when they share a term.
/// </summary>
public static class SearchText
{
    /// <summary>The longest word kept (longer runs are cut): no real word is longer, and it bounds the terms.</summary>
    public const int MaxWordLength = 40;

    [ThreadStatic]
    private static EnglishStemmer? _english;

    [ThreadStatic]
    private static SpanishStemmer? _spanish;

    /// <summary>The words of <paramref name="text"/> with where each starts and how long it is, in order.</summary>
    public static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text, i))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text, i))
            {
                i++;
            }

            if (i > start)
            {
                yield return (start, i - start);
            }
        }
    }

    /// <summary>The words of <paramref name="text"/>, lower case (accents kept).</summary>
    public static IEnumerable<string> Words(string text) =>
        WordSpans(text).Select(s => text.Substring(s.Start, Math.Min(s.Length, MaxWordLength)).ToLowerInvariant());

    /// <summary>Lower case without diacritics: "Juárez" → "juarez".</summary>
    public static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The terms a (lower-case) word stands for: folded, and its English and Spanish stems, without repeats.</summary>
    public static IReadOnlyList<string> Terms(string word)
    {
        var folded = Fold(word);
        var terms = new List<string>(4) { folded };
        Add(terms, Stem(_english ??= new EnglishStemmer(), folded));
        Add(terms, Stem(_spanish ??= new SpanishStemmer(), folded));
        if (!string.Equals(word, folded, StringComparison.Ordinal))
        {
            Add(terms, Fold(Stem(_spanish, word)));
        }

        return terms;
    }

    /// <summary>All terms of a text, space-separated, for the SQLite index (a word's terms side by side).</summary>
    public static string IndexTerms(string text)
    {
        var terms = new StringBuilder(text.Length * 2);
        foreach (var word in Words(text))
        {
            foreach (var term in Terms(word))
            {
                terms.Append(term).Append(' ');
            }
        }

        return terms.ToString();
    }

    private static void Add(List<string> terms, string term)
    {
        if (term.Length > 0 && !terms.Contains(term))
        {
            terms.Add(term);
        }
    }

    private static string Stem(Lucene.Net.Tartarus.Snowball.SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static bool IsWordChar(string text, int i) => char.IsLetterOrDigit(text[i])
        || (CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && i > 0 && char.IsLetterOrDigit(text[i - 1]));
}
