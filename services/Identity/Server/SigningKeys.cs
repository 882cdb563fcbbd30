using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace ForumPlatform.Identity.Server;

/// <summary>
/// Loads the keys OpenIddict signs and encrypts with. Development generates RSA keys once into its data folder
/// (so tokens survive a restart, and nothing secret is committed); any other environment reads certificate files and
/// refuses to start without them.
/// </summary>
internal static class SigningKeys
{
    public static void Register(OpenIddictServerBuilder server, SigningKeyOptions options, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() && options.SigningCertificates.Count == 0)
        {
            var directory = Path.Combine(environment.ContentRootPath, options.DevelopmentDirectory);
            server.AddSigningKey(LoadOrCreateRsaKey(Path.Combine(directory, "signing.pem")));
            server.AddEncryptionKey(LoadOrCreateRsaKey(Path.Combine(directory, "encryption.pem")));
            return;
        }

        if (options.SigningCertificates.Count == 0 || options.EncryptionCertificates.Count == 0)
        {
            throw new InvalidOperationException(
                "Identity:Keys:SigningCertificates and Identity:Keys:EncryptionCertificates must name certificate files outside Development " +
                "(see the README: signing keys and their rotation).");
        }

        // OpenIddict signs with a certificate that is valid at start-up, and publishes every signing certificate in the
        // JWKS, one not yet valid included: that is how the next key is known to every validator before it signs.
        foreach (var certificate in options.SigningCertificates)
        {
            server.AddSigningCertificate(Load(certificate));
        }

        foreach (var certificate in options.EncryptionCertificates)
        {
            server.AddEncryptionCertificate(Load(certificate));
        }
    }

    private static X509Certificate2 Load(CertificateFile file)
    {
        if (!File.Exists(file.Path))
        {
            throw new InvalidOperationException($"The certificate file '{file.Path}' does not exist.");
        }

        return string.Equals(Path.GetExtension(file.Path), ".pfx", StringComparison.OrdinalIgnoreCase)
               || string.Equals(Path.GetExtension(file.Path), ".p12", StringComparison.OrdinalIgnoreCase)
            ? X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password)
            : X509Certificate2.CreateFromPemFile(file.Path, file.KeyPath);
    }

    /// <summary>An RSA key kept as PKCS#8 PEM, readable by its owner only; its key id is derived from its public half.</summary>
    private static RsaSecurityKey LoadOrCreateRsaKey(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var modulus = rsa.ExportParameters(includePrivateParameters: false).Modulus!;
        return new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(modulus))[..16] };
    }
}
