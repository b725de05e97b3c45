# PowerShell completion for netterm through System.CommandLine's [suggest] directive:
# `netterm "[suggest:N]" "LINE"` prints the candidates for the cursor at column N, one a line.
# Enable (docs/packaging.md): dot-source this file from your profile, e.g. add to $PROFILE
#   . C:\path\to\netterm\completions\netterm.ps1

Register-ArgumentCompleter -Native -CommandName netterm, netterm.exe -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $exe = $commandAst.CommandElements[0].Extent.Text
    $legacyQuoting = $PSVersionTable.PSVersion -lt [version]'7.3' -or $PSNativeCommandArgumentPassing -eq 'Legacy'
    function Get-NettermSuggestion([string] $line) {
        if ($legacyQuoting) {
            # Windows PowerShell passes an argument's own double quotes through unescaped.
            $line = $line.Replace('"', '\"')
        }
        @(& $exe "[suggest:$($line.Length)]" $line 2>$null | Where-Object { $_ -and $_.StartsWith($wordToComplete) })
    }

    # The cursor position counts from the start of the whole input; the directive counts within this command.
    # The command's extent ends at its last word: a cursor after a space lies past it.
    $offset = $cursorPosition - $commandAst.Extent.StartOffset
    $text = $commandAst.Extent.Text
    $line = if ($offset -le $text.Length) { $text.Substring(0, $offset) } else { $text.PadRight($offset) }
    $found = Get-NettermSuggestion $line
    # After a flag (--tls, -n) System.CommandLine offers only the flag's optional value (True/False), even for
    # "--l": ask again as if the flag were not there.
    $elements = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -le $cursorPosition })
    if ($found.Count -eq 0 -and $wordToComplete.StartsWith('-') -and $elements.Count -ge 3 -and
        $elements[-2].Extent.Text.StartsWith('-')) {
        $kept = $elements[0..($elements.Count - 3)] | ForEach-Object { $_.Extent.Text }
        $found = Get-NettermSuggestion ((@($kept) + $wordToComplete) -join ' ')
    }

    $found | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
}
