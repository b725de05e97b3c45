# bash completion for netterm. netterm completes its own command line through System.CommandLine's [suggest]
# directive: `netterm "[suggest:N]" "LINE"` prints the candidates for the cursor at column N, one a line.
# Enable (docs/packaging.md): `source completions/netterm.bash` from ~/.bashrc, or copy this file to
# ~/.local/share/bash-completion/completions/netterm.

_netterm_complete() {
    local line=${COMP_LINE:0:COMP_POINT}
    local cur=${COMP_WORDS[COMP_CWORD]}
    local exe=${COMP_WORDS[0]}
    [[ $exe == "~"* ]] && exe=${HOME}${exe:1}
    _netterm_collect "$exe" "$line" "$cur"
    # After a flag (--tls, -n) System.CommandLine offers only the flag's optional value (True/False), even for
    # "--l": ask again as if the flag were not there.
    if (( ${#COMPREPLY[@]} == 0 && COMP_CWORD >= 2 )) && [[ $cur == -* && ${COMP_WORDS[COMP_CWORD-1]} == -* ]]; then
        _netterm_collect "$exe" "${COMP_WORDS[*]:0:COMP_CWORD-1} $cur" "$cur"
    fi
}

_netterm_collect() {
    local exe=$1 line=$2 cur=$3 suggestions s
    COMPREPLY=()
    suggestions=$("$exe" "[suggest:${#line}]" "$line" 2>/dev/null) || return 0
    # Filtered here rather than with compgen -W, which would expand candidates such as "-?" as globs.
    while IFS= read -r s; do
        [[ -n $s && $s == "$cur"* ]] && COMPREPLY+=("$s")
    done <<< "$suggestions"
}

# -o default: no candidate (a file for --log, --ca, --cert, --key) falls back to file names.
complete -o default -F _netterm_complete netterm
