using System.Text.Unicode;

namespace Puente.Core.Memory;

/// <summary>The file types an engagement accepts, each recognized by its content, never by its name.</summary>
public enum AttachmentType
{
    Pdf = 0,
    Word = 1,
    Excel = 2,
    Png = 3,
    Jpeg = 4,
    Gif = 5,
    Webp = 6,
    Text = 7,
}

/// <summary>Recognizes an attachment's type from its first bytes (and, for Office files, the zip's entries).</summary>
public static class AttachmentTypes
{
    /// <summary>25 MB.</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    public static string ContentType(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => "application/pdf",
        AttachmentType.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentType.Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentType.Png => "image/png",
        AttachmentType.Jpeg => "image/jpeg",
        AttachmentType.Gif => "image/gif",
        AttachmentType.Webp => "image/webp",
        AttachmentType.Text => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    public static string Extension(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => ".pdf",
        AttachmentType.Word => ".docx",
        AttachmentType.Excel => ".xlsx",
        AttachmentType.Png => ".png",
        AttachmentType.Jpeg => ".jpg",
        AttachmentType.Gif => ".gif",
        AttachmentType.Webp => ".webp",
        AttachmentType.Text => ".txt",
        _ => "",
    };

    /// <summary>
    /// The type of <paramref name="content"/>, or null when it is none of the accepted ones. Office files are zip
    /// archives: Word has a <c>word/</c> entry, Excel an <c>xl/</c> entry (the legacy binary .doc and .xls are not
    /// accepted). Plain text is valid UTF-8 without NUL or other control characters than tab, CR, LF and form feed.
    /// </summary>
    public static AttachmentType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return AttachmentType.Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return AttachmentType.Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return AttachmentType.Jpeg;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return AttachmentType.Gif;
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return AttachmentType.Webp;
        }

        if (content.StartsWith("PK\x03\x04"u8))
        {
            return OfficeType(content);
        }

        return IsPlainText(content) ? AttachmentType.Text : null;
    }

    private static AttachmentType? OfficeType(ReadOnlySpan<byte> content)
    {
        try
        {
            // One copy of the file is enough: the zip reader needs a stream, and a span has none.
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content.ToArray(), writable: false), System.IO.Compression.ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
            {
                return null;
            }

            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
            {
                return AttachmentType.Word;
            }

            return names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? AttachmentType.Excel : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return false;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        if (!Utf8.IsValid(content))
        {
            return false;
        }

        foreach (var b in content)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                return false;
            }
        }

        return true;
    }
}
