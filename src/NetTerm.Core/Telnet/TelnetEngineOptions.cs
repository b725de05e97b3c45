namespace NetTerm.Core.Telnet;

/// <summary>How a <see cref="TelnetEngine"/> presents itself.</summary>
/// <param name="TerminalType">
/// The RFC 1091 terminal type sent on SB TTYPE SEND: 1 to 40 printable ASCII characters. "DUMB" because the view is
/// line-oriented (SGR colours and editing of the current line only), not a VT emulator: any VT/xterm/ANSI name would
/// promise cursor addressing that full-screen programs would then use. RFC 1091 names are upper case; telnetd lower
/// cases them, giving TERM=dumb, which programs read as "no cursor motion".
/// </param>
/// <param name="Announce">Offer WILL TTYPE and WILL NAWS as soon as the session starts instead of waiting for DO.</param>
/// <param name="RequestBinary">Ask for BINARY in both directions at start (WILL BINARY, DO BINARY).</param>
/// <param name="Columns">Initial window width for NAWS, 0 to 65535 (0: unknown).</param>
/// <param name="Rows">Initial window height for NAWS, 0 to 65535 (0: unknown).</param>
/// <param name="Policy">Options we accept; <see cref="OptionPolicy.Default"/> when null. Options the engine does not
/// implement are refused whatever the policy says.</param>
public sealed record TelnetEngineOptions(
    string TerminalType = "DUMB",
    bool Announce = false,
    bool RequestBinary = false,
    int Columns = 80,
    int Rows = 24,
    OptionPolicy? Policy = null);
