namespace NetTerm.Testing;

/// <summary>A CONNECT request as the SOCKS5 test proxy received it.</summary>
/// <param name="AddressType">ATYP: 1 IPv4, 3 domain name, 4 IPv6.</param>
public sealed record Socks5Request(byte AddressType, string Host, int Port, string? UserName, string? Password);
