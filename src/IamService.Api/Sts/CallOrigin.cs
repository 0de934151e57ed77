using System.Net;

namespace IamService.Api.Sts;

/// <summary>Where a request came from, for aws:SourceIp and aws:SecureTransport.</summary>
public sealed record CallOrigin(IPAddress? SourceIp, bool SecureTransport);
