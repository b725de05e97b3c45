namespace NetTerm.Smtp.Replies;

/// <summary>Which part of an enhanced status code a catalog row describes.</summary>
internal enum EnhancedStatusEntryKind
{
    /// <summary>"5.XXX.YYY": the class.</summary>
    Class,

    /// <summary>"X.7.YYY": the subject.</summary>
    Subject,

    /// <summary>"X.7.1" (any class) or "5.7.1" (one class): a full code.</summary>
    Detail,
}
