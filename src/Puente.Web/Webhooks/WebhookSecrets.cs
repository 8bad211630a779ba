using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Puente.Web.Webhooks;

/// <summary>
/// Makes webhook secrets and keeps them encrypted with ASP.NET Core Data Protection (the key ring Puente keeps in its
/// database). The plain secret exists only in the answer that creates or rotates it and, briefly, in the dispatcher's
/// memory while it signs; it is never logged, stored in clear or audited (docs/decisions/0034-webhooks.md).
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    /// <summary>The Data Protection purpose: a ciphertext made for it opens for nothing else.</summary>
    public const string Purpose = "Puente.Webhooks.Secret.v1";

    /// <summary>What every secret starts with, so that a leaked one is recognisable (secret scanners, logs).</summary>
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>A new secret: the prefix and 32 random bytes in base64url (49 characters in all).</summary>
    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    /// <exception cref="CryptographicException">The key that encrypted it is gone (a new key ring): the secret must be rotated.</exception>
    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
