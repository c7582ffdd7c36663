namespace ServicePolicy.Core.Text;

/// <summary>Which language lists a message was checked against, and why.</summary>
public readonly struct MessageLanguage
{
    /// <summary>The value of <see cref="Checked"/> when every language's lists were used.</summary>
    public const string AllLanguages = "all";

    public MessageLanguage(string @checked, MessageLanguageSource source)
    {
        Checked = @checked;
        Source = source;
    }

    /// <summary>The language whose lists were used (en, es...), or <see cref="AllLanguages"/>.</summary>
    public string Checked { get; }

    /// <summary>Where that language came from.</summary>
    public MessageLanguageSource Source { get; }

    /// <summary>The source as the policy and the decision show it: request, detected or undetermined.</summary>
    public string SourceName => Source switch
    {
        MessageLanguageSource.Request => "request",
        MessageLanguageSource.Detected => "detected",
        _ => "undetermined",
    };
}

/// <summary>Where the language of a message came from.</summary>
public enum MessageLanguageSource
{
    /// <summary>Neither declared nor recognised: every language's lists were used.</summary>
    Undetermined,

    /// <summary>Declared by the request (when the policy has no lists for it, every language's lists were used).</summary>
    Request,

    /// <summary>Recognised from the text by <see cref="LanguageDetector"/>.</summary>
    Detected,
}
