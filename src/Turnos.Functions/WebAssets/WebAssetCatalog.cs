using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Turnos.Functions.WebAssets;

/// <summary>One shipped web file: its bytes as built, the type they are sent with and a strong ETag of the content.</summary>
internal sealed record WebAsset(string Name, string ContentType, byte[] Content, string ETag)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>
/// The web files of one feature, embedded in this assembly as "web/{folder}/{name}" (see the csproj). Read from the
/// assembly rather than a content root or wwwroot, so the ASP.NET Core app, the Functions host and a local host all
/// serve the same bytes with nothing to copy beside the executable.
/// </summary>
internal sealed class WebAssetCatalog(string folder, Assembly? assembly = null)
{
    private readonly Lazy<Dictionary<string, WebAsset>> _all = new(() => Load(folder, assembly ?? typeof(WebAssetCatalog).Assembly));

    /// <summary>File names relative to the folder, e.g. "index.html".</summary>
    public IReadOnlyCollection<string> Names => _all.Value.Keys;

    public WebAsset? Find(string name) => _all.Value.GetValueOrDefault(name);

    /// <summary>A file the code itself needs (a template): its absence is a packaging mistake, not a 404.</summary>
    public WebAsset Get(string name) => Find(name)
        ?? throw new InvalidOperationException($"The web file 'web/{folder}/{name}' is not embedded in {typeof(WebAssetCatalog).Assembly.GetName().Name}.");

    public static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    private static Dictionary<string, WebAsset> Load(string folder, Assembly assembly)
    {
        var prefix = $"web/{folder}/";
        var files = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // MSBuild's RecursiveDir uses the build machine's separator; URLs use '/'.
            var logical = resource.Replace('\\', '/');
            if (!logical.StartsWith(prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = logical[prefix.Length..];
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"";
            files.Add(name, new WebAsset(name, ContentTypeOf(name), bytes, etag));
        }
        // An empty folder means the csproj lost its EmbeddedResource item: fail where it is visible.
        return files.Count > 0 ? files : throw new InvalidOperationException($"No web files are embedded under '{prefix}'.");
    }
}
