namespace ServicePolicy.Cli.Scan;

using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

/// <summary>A file given to the analyzers as an AdditionalFiles item (the policy and what it includes).</summary>
public sealed class FileAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public FileAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
