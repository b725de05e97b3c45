namespace NetTerm.Smtp.Replies;

/// <summary>What one line of a reply turned out to be, by its first four bytes.</summary>
internal enum ReplyLineKind
{
    /// <summary>"250-": more lines follow.</summary>
    Continuation,

    /// <summary>"250 " or "250" alone: the reply ends here.</summary>
    Last,

    /// <summary>Digits followed by another byte: a violation that ends the reply.</summary>
    BadSeparator,

    /// <summary>Not three digits: a one-line violation reply of its own.</summary>
    NonNumeric,
}
