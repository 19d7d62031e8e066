using System.Security.Cryptography;
using Turnos.Functions.Admin.WebConsole;
using Turnos.Functions.WebAssets;
using Turnos.Functions.WhatsApp.Simulator;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.WebAssets;

/// <summary>The web files as shipped: every file of a web folder is in the assembly, byte for byte, and no C# carries a page.</summary>
public sealed class WebAssetCatalogTests
{
    public static TheoryData<string, string> Folders => new()
    {
        { "src/Turnos.Functions/Admin/Console/web", "console" },
        { "src/Turnos.Functions/WhatsApp/Simulator/web", "simulator" },
        { "src/Turnos.Functions/Calendar/Google/web", "google" },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public void EveryFileOfTheFolder_IsEmbedded_ByteForByte_WithItsTypeAndAStrongHashETag(string folder, string logical)
    {
        var catalog = new WebAssetCatalog(logical);
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(RepoPaths.Root, folder), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(files);
        Assert.Equal(files, catalog.Names.Order(StringComparer.Ordinal));
        foreach (var name in files)
        {
            var asset = catalog.Get(name);
            var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, folder, name));
            Assert.Equal(bytes, asset.Content);
            Assert.Equal("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"", asset.ETag);
            Assert.EndsWith("; charset=utf-8", asset.ContentType);
            // UTF-8 without a byte-order mark and LF only, as the strings they replaced were served.
            Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], $"{name} starts with a byte-order mark.");
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    [Fact]
    public void TheEndpointsCatalogs_AreTheEmbeddedFolders()
    {
        Assert.Contains("index.html", AdminConsoleHandlers.Assets.Names);
        Assert.Contains("app.js", AdminConsoleHandlers.Assets.Names);
        Assert.Equal(["simulador.css", "simulador.html", "simulador.js"], SimulatorHandlers.Assets.Names.Order(StringComparer.Ordinal));
        Assert.Equal("text/javascript; charset=utf-8", AdminConsoleHandlers.Assets.Get("app.js").ContentType);
        Assert.Equal("text/css; charset=utf-8", SimulatorHandlers.Assets.Get("simulador.css").ContentType);
        Assert.Equal("text/html; charset=utf-8", SimulatorHandlers.Assets.Get("simulador.html").ContentType);
    }

    [Fact]
    public void AMissingFolderOrFile_FailsLoudly()
    {
        Assert.Null(AdminConsoleHandlers.Assets.Find("nada.js"));
        Assert.Contains("web/console/nada.js", Assert.Throws<InvalidOperationException>(() => AdminConsoleHandlers.Assets.Get("nada.js")).Message);
        Assert.Contains("web/nada/", Assert.Throws<InvalidOperationException>(() => new WebAssetCatalog("nada").Names).Message);
    }

    [Fact]
    public void NoCSharpSource_CarriesAPageAStyleSheetOrAScript()
    {
        var markers = new[] { "<!doctype", "<html", "<style", "<script", "<head>", "</body>", "export function", "font-family:" };
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var source in sources)
        {
            var text = File.ReadAllText(source);
            foreach (var marker in markers)
                Assert.False(text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{Path.GetRelativePath(RepoPaths.Root, source)} contains '{marker}': web files belong in a web/ folder.");
        }
    }
}
