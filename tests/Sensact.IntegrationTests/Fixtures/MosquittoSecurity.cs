namespace Sensact.IntegrationTests.Fixtures;

/// <summary>What a test broker checks: users with passwords, an ACL file's text, TLS with this PKI, client certificates.</summary>
internal sealed record MosquittoSecurity(
    IReadOnlyList<(string Name, string Password)> Users, string? Acl = null, TestPki? Tls = null, bool RequireCertificate = false);
