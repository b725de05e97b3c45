namespace NetTerm.Testing.Dns;

/// <summary>One resource record the test server answers with; <see cref="Data"/> is the RDATA on the wire.</summary>
public sealed record DnsTestRecord(string Name, ushort Type, byte[] Data);
