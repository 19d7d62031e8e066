using System.Text;
using System.Text.RegularExpressions;

namespace Turnos.Functions.Tests.Deployment;

/// <summary>
/// A Bicep file read as text, because no Bicep compiler can be installed here: comments removed, declarations found
/// with regular expressions, object and array literals cut out by bracket matching. Enough for the plain templates
/// in infra/, which keep to one declaration per line and flat object literals for app settings.
/// </summary>
internal sealed partial class BicepFile
{
    public BicepFile(string path)
    {
        FilePath = path;
        Text = StripComments(File.ReadAllText(path));
        Lines = Text.Split('\n');
    }

    public string FilePath { get; }

    public string Name => Path.GetRelativePath(Path.Combine(Support.RepoPaths.Root, "infra"), FilePath).Replace('\\', '/');

    /// <summary>The file without comments.</summary>
    public string Text { get; }

    private string[] Lines { get; }

    public IReadOnlyList<BicepParam> Params =>
    [
        .. Lines.Select((line, index) => (Match: ParamPattern().Match(line), Index: index))
            .Where(x => x.Match.Success)
            .Select(x => new BicepParam(x.Match.Groups["name"].Value, x.Match.Groups["default"].Success, DecoratorsAbove(x.Index))),
    ];

    public IReadOnlyList<BicepOutput> Outputs =>
    [
        .. Lines.Select((line, index) => (Match: OutputPattern().Match(line), Index: index))
            .Where(x => x.Match.Success)
            .Select(x => new BicepOutput(x.Match.Groups["name"].Value, x.Match.Groups["value"].Value.Trim(), DecoratorsAbove(x.Index))),
    ];

    public IReadOnlyList<(string Name, string Path)> Modules =>
        [.. ModulePattern().Matches(Text).Select(m => (m.Groups["name"].Value, m.Groups["path"].Value))];

    /// <summary>The entries of <c>params: { ... }</c> in the declaration of module <paramref name="module"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ModuleParams(string module)
    {
        var declaration = Regex.Match(Text, $@"^\s*module\s+{Regex.Escape(module)}\s+'[^']+'\s*=\s*(if\s*\(.*?\)\s*)?\{{", RegexOptions.Multiline);
        if (!declaration.Success) throw new InvalidOperationException($"{Name}: no module {module}.");
        var body = Bracketed(Text, declaration.Index + declaration.Length - 1);
        var parameters = Regex.Match(body, @"^\s*params:\s*\{", RegexOptions.Multiline);
        return parameters.Success ? Entries(Bracketed(body, parameters.Index + parameters.Length - 1)) : [];
    }

    /// <summary>Resource declarations: symbolic name, type (with its API version), the <c>if (...)</c> condition if
    /// any, and the body from its opening brace to the matching closing one.</summary>
    public IReadOnlyList<BicepResource> Resources =>
    [
        .. ResourcePattern().Matches(Text).Select(m => new BicepResource(
            m.Groups["name"].Value,
            m.Groups["type"].Value,
            m.Groups["condition"].Success ? m.Groups["condition"].Value.Trim() : null,
            Bracketed(Text, m.Index + m.Length - 1))),
    ];

    /// <summary>The value of <c>var name = '...'</c> when it is a plain string literal, without the quotes.</summary>
    public string? VariableString(string name)
    {
        var match = Regex.Match(Text, $@"^\s*var\s+{Regex.Escape(name)}\s*=\s*'(?<value>[^'$]*)'\s*$", RegexOptions.Multiline);
        return match.Success ? match.Groups["value"].Value : null;
    }

    public IReadOnlyList<string> VariableNames => [.. VariablePattern().Matches(Text).Select(m => m.Groups["name"].Value)];

    /// <summary>The first <c>{ ... }</c> (or <c>[ ... ]</c>) after <c>var name =</c>, brackets included; for
    /// <c>var x = condition ? { ... } : {}</c> that is the object used when the condition holds.</summary>
    public string? VariableLiteral(string name, char open = '{')
    {
        var declaration = Regex.Match(Text, $@"^\s*var\s+{Regex.Escape(name)}\s*=", RegexOptions.Multiline);
        if (!declaration.Success) return null;
        var start = Text.IndexOf(open, declaration.Index + declaration.Length);
        return start < 0 ? null : Bracketed(Text, start);
    }

    /// <summary>Key/value pairs at the top level of a flat object literal such as <c>{ a: 'x'\n b: y }</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Entries(string objectLiteral)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var depth = 0;
        foreach (var line in objectLiteral.Split('\n'))
        {
            if (depth == 1 && EntryPattern().Match(line) is { Success: true } entry)
                entries.Add(new(entry.Groups["key"].Value, entry.Groups["value"].Value.Trim()));
            foreach (var c in line)
            {
                if (c is '{' or '[' or '(') depth++;
                else if (c is '}' or ']' or ')') depth--;
            }
        }

        return entries;
    }

    /// <summary>The text from <paramref name="start"/> (an opening bracket) to its matching closing bracket.</summary>
    public static string Bracketed(string text, int start)
    {
        var open = text[start];
        var close = open switch { '{' => '}', '[' => ']', '(' => ')', _ => throw new ArgumentException("Not a bracket.", nameof(start)) };
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == open) depth++;
            else if (text[i] == close && --depth == 0) return text[start..(i + 1)];
        }

        throw new FormatException($"Unbalanced '{open}' at offset {start}.");
    }

    /// <summary>Decorator lines (<c>@secure()</c>, <c>@description(...)</c>, ...) right above a declaration: the
    /// lines up to the previous blank line or declaration (the templates separate declarations by blank lines).</summary>
    private string DecoratorsAbove(int index)
    {
        var decorators = new List<string>();
        for (var i = index - 1; i >= 0; i--)
        {
            var line = Lines[i].Trim();
            if (line.Length == 0 || DeclarationPattern().IsMatch(line)) break;
            decorators.Insert(0, line);
        }

        return string.Join("\n", decorators);
    }

    /// <summary>Removes <c>//</c> line comments and <c>/* */</c> block comments outside single-quoted strings.</summary>
    private static string StripComments(string text)
    {
        var result = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < text.Length) result.Append(text[++i]);
                else if (c == '\'') inString = false;
            }
            else if (c == '\'')
            {
                inString = true;
                result.Append(c);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
                if (i < text.Length) result.Append('\n');
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString().Replace("\r\n", "\n");
    }

    [GeneratedRegex(@"^\s*param\s+(?<name>\w+)\s+(?<type>\w+)(?<default>\s*=)?")]
    private static partial Regex ParamPattern();

    [GeneratedRegex(@"^\s*output\s+(?<name>\w+)\s+(?<type>\w+)\s*=\s*(?<value>.*)$")]
    private static partial Regex OutputPattern();

    [GeneratedRegex(@"^\s*module\s+(?<name>\w+)\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModulePattern();

    [GeneratedRegex(@"^\s*resource\s+(?<name>\w+)\s+'(?<type>[^']+)'\s*(existing\s*)?=\s*(if\s*(?<condition>\(.*?\))\s*)?\{", RegexOptions.Multiline)]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"^\s*var\s+(?<name>\w+)\s*=", RegexOptions.Multiline)]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^\s*'?(?<key>[A-Za-z_][A-Za-z0-9_-]*)'?\s*:\s*(?<value>.*)$")]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"^(param|var|resource|module|output|targetScope|type|func|import|metadata)\b")]
    private static partial Regex DeclarationPattern();
}

internal sealed record BicepParam(string Name, bool HasDefault, string Decorators)
{
    public bool Secure => Decorators.Contains("@secure()", StringComparison.Ordinal);
}

internal sealed record BicepOutput(string Name, string Value, string Decorators)
{
    public bool Secure => Decorators.Contains("@secure()", StringComparison.Ordinal);
}

internal sealed record BicepResource(string Name, string Type, string? Condition, string Body)
{
    /// <summary>The value text of a top-level property of the body (<c>scope: storage</c> gives <c>storage</c>).</summary>
    public string? Property(string key) =>
        BicepFile.Entries(Body).Where(e => e.Key == key).Select(e => e.Value).FirstOrDefault();

    /// <summary>The value text of a property of the body's <c>properties: { ... }</c>.</summary>
    public string? InnerProperty(string key)
    {
        var properties = Regex.Match(Body, @"^\s*properties:\s*\{", RegexOptions.Multiline);
        if (!properties.Success) return null;
        return BicepFile.Entries(BicepFile.Bracketed(Body, properties.Index + properties.Length - 1))
            .Where(e => e.Key == key).Select(e => e.Value).FirstOrDefault();
    }
}
