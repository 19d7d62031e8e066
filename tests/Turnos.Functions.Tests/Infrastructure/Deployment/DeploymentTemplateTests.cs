using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Turnos.Functions.Admin.WebConsole;
using Turnos.Functions.Calendar.GoogleApi;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.WhatsApp;
using Turnos.Functions.WhatsApp.Simulator;

namespace Turnos.Functions.Tests.Deployment;

/// <summary>
/// What can be checked about <c>azd up</c> without a Bicep compiler or an Azure subscription: azure.yaml points at
/// the app and packs it for the custom runtime, the templates hang together (modules, parameters), the app gets
/// every setting it needs in production and only settings it knows, secrets only arrive as Key Vault references
/// that README tells the operator to create, and nothing secret is a literal, a parameter value or an output.
/// </summary>
public sealed partial class DeploymentTemplateTests
{
    /// <summary>
    /// What the app cannot start without outside Development, hand-maintained from its start-up validation, plus what
    /// the Functions host needs on Flex Consumption:
    /// <list type="bullet">
    /// <item>StorageOptions.Validate: Storage:TableServiceUri (shared keys are disabled in Azure, so not the connection
    /// string) and Storage:ManagedIdentityClientId (the user-assigned identity, also used for Key Vault);</item>
    /// <item>TwilioOptionsSetup: Twilio:AuthToken and Twilio:PublicBaseUrl;</item>
    /// <item>AdminOptionsSetup: Admin:ApiKey (16+ characters);</item>
    /// <item>GoogleOptionsValidator / TokenVaultSetup: KeyVault:Uri when Google is configured; always set, since
    /// refresh tokens belong in Key Vault in Azure;</item>
    /// <item>the Functions host: identity-based AzureWebJobsStorage and Application Insights.</item>
    /// </list>
    /// These must be unconditional (in <c>var appSettings</c> of infra/app/api.bicep).
    /// </summary>
    private static readonly string[] RequiredInProduction =
    [
        "Storage__TableServiceUri",
        "Storage__ManagedIdentityClientId",
        "Twilio__AuthToken",
        "Twilio__PublicBaseUrl",
        "Admin__ApiKey",
        "KeyVault__Uri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    /// <summary>Settings whose values are secrets: in Azure they may only be Key Vault references.</summary>
    private static readonly string[] SecretSettings = ["Twilio__AuthToken", "Admin__ApiKey", "Google__ClientSecret", "OpenAI__ApiKey"];

    /// <summary>Settings read by the Functions platform, the host or the Azure SDK rather than by the app's options.</summary>
    private static readonly string[] PlatformPrefixes = ["AzureWebJobs", "APPLICATIONINSIGHTS_", "AZURE_", "WEBSITE_", "OTEL_"];

    private static string Infra => Path.Combine(RepoPaths.Root, "infra");

    private static BicepFile Main => new(Path.Combine(Infra, "main.bicep"));

    private static BicepFile Api => new(Path.Combine(Infra, "app", "api.bicep"));

    private static IReadOnlyList<BicepFile> AllTemplates =>
        [.. Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(p => new BicepFile(p))];

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_PackedForTheCustomRuntime()
    {
        var yaml = string.Join("\n", File.ReadAllLines(Path.Combine(RepoPaths.Root, "azure.yaml")).Where(l => !l.TrimStart().StartsWith('#')));

        var service = Yaml(yaml, @"^services:\s*\n\s+(?<value>[A-Za-z0-9-]+):\s*$");
        var project = Yaml(yaml, @"^\s+project:\s*(?<value>\S+)\s*$");
        var projectFolder = Path.GetFullPath(Path.Combine(RepoPaths.Root, project));
        Assert.True(Directory.Exists(projectFolder), $"azure.yaml: project '{project}' is not a folder");
        Assert.True(Directory.GetFiles(projectFolder, "*.csproj").Length == 1, $"azure.yaml: project '{project}' holds no .csproj");
        Assert.Equal("function", Yaml(yaml, @"^\s+host:\s*(?<value>\S+)\s*$"));
        // azd's dotnet packaging would publish framework-dependent for the machine running azd; the hook packs instead.
        Assert.Equal("custom", Yaml(yaml, @"^\s+language:\s*(?<value>\S+)\s*$"));
        var dist = Yaml(yaml, @"^\s+dist:\s*(?<value>\S+)\s*$");
        Assert.EndsWith(".zip", dist, StringComparison.Ordinal);

        Assert.Matches(new Regex(@"^\s+prepackage:\s*$", RegexOptions.Multiline), yaml);
        var hook = Yaml(yaml, @"^\s+run:\s*(?<value>\S+)\s*$");
        var script = Path.GetFullPath(Path.Combine(projectFolder, hook)); // hook paths are relative to the project
        Assert.True(File.Exists(script), $"azure.yaml: the prepackage hook '{hook}' does not exist");
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), $"{hook} is not executable");
        var packing = File.ReadAllText(script);
        Assert.Contains("-r linux-x64", packing, StringComparison.Ordinal);
        Assert.Contains("--self-contained", packing, StringComparison.Ordinal);
        Assert.Contains(Path.GetDirectoryName(dist)!.Replace('\\', '/'), packing, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(dist), packing, StringComparison.Ordinal);

        // azd finds the function app by this tag.
        Assert.Contains($"'azd-service-name': '{service}'", Api.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MainTemplate_HasTheAzdShape()
    {
        var main = Main;
        Assert.Matches(new Regex(@"^targetScope\s*=\s*'subscription'", RegexOptions.Multiline), main.Text);
        Assert.Contains("toLower(uniqueString(subscription().id, environmentName, location))", main.Text, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Resources/resourceGroups@", main.Text, StringComparison.Ordinal);

        using var abbreviations = JsonDocument.Parse(File.ReadAllText(Path.Combine(Infra, "abbreviations.json")));
        var known = abbreviations.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var used in Regex.Matches(main.Text, @"\babbrs\.(\w+)").Select(m => m.Groups[1].Value).Distinct())
            Assert.True(known.Contains(used), $"main.bicep uses abbrs.{used}, which abbreviations.json does not define");
    }

    [Fact]
    public void EveryModule_Exists_AndEveryAppTemplateIsUsed()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in AllTemplates)
        {
            foreach (var (name, path) in template.Modules)
            {
                if (path.StartsWith("br:", StringComparison.Ordinal) || path.StartsWith("br/", StringComparison.Ordinal)
                    || path.StartsWith("ts:", StringComparison.Ordinal) || path.StartsWith("ts/", StringComparison.Ordinal)) continue;
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(template.FilePath)!, path));
                Assert.True(File.Exists(full), $"{template.Name}: module {name} '{path}' does not exist");
                used.Add(full);
            }
        }

        Assert.NotEmpty(used);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Infra, "app"), "*.bicep"))
            Assert.True(used.Contains(Path.GetFullPath(file)), $"infra/app/{Path.GetFileName(file)} is not used by any module");
    }

    [Fact]
    public void ModuleCalls_PassDeclaredParameters_EveryRequiredOne_AndReadDeclaredOutputs()
    {
        foreach (var template in AllTemplates)
        {
            var called = new Dictionary<string, BicepFile>(StringComparer.Ordinal);
            foreach (var (name, path) in template.Modules.Where(m => !m.Path.StartsWith("br", StringComparison.Ordinal)))
            {
                var module = new BicepFile(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(template.FilePath)!, path)));
                called[name] = module;
                var passed = template.ModuleParams(name).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
                var declared = module.Params.ToDictionary(p => p.Name, StringComparer.Ordinal);
                foreach (var param in passed)
                    Assert.True(declared.ContainsKey(param), $"{template.Name}: module {name} passes '{param}', which {module.Name} does not declare");
                foreach (var param in declared.Values.Where(p => !p.HasDefault))
                    Assert.True(passed.Contains(param.Name), $"{template.Name}: module {name} does not pass '{param.Name}', which {module.Name} requires");
                foreach (var param in declared.Values.Where(p => p.Secure))
                    Assert.True(template.Params.Any(p => p.Secure && template.ModuleParams(name).Any(e => e.Key == param.Name && e.Value == p.Name)),
                        $"{template.Name}: module {name} should pass its @secure() '{param.Name}' straight from a @secure() param");
            }

            foreach (Match use in Regex.Matches(template.Text, @"\b(?<module>\w+)\.outputs\.(?<output>\w+)"))
            {
                if (!called.TryGetValue(use.Groups["module"].Value, out var module)) continue;
                Assert.True(module.Outputs.Any(o => o.Name == use.Groups["output"].Value),
                    $"{template.Name}: {use.Value} is not an output of {module.Name}");
            }
        }
    }

    [Fact]
    public void ParametersFile_SetsDeclaredParameters_EveryRequiredOne_OnlyFromTheAzdEnvironment()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Infra, "main.parameters.json")));
        var values = file.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value"), StringComparer.Ordinal);
        var declared = Main.Params.ToDictionary(p => p.Name, StringComparer.Ordinal);

        foreach (var name in values.Keys)
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare");
        foreach (var param in declared.Values.Where(p => !p.HasDefault))
            Assert.True(values.ContainsKey(param.Name), $"main.bicep requires '{param.Name}', which main.parameters.json does not set");

        // Values come from the azd environment (or azd's secretOrRandomPassword); the file holds no literal values.
        foreach (var (name, value) in values)
        {
            Assert.True(value.ValueKind == JsonValueKind.String, $"main.parameters.json: '{name}' is not an azd substitution");
            Assert.Matches(AzdSubstitution(), value.GetString()!);
        }

        Assert.Equal("${AZURE_ENV_NAME}", values["environmentName"].GetString());
        Assert.Equal("${AZURE_LOCATION}", values["location"].GetString());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", values["principalId"].GetString());
    }

    [Fact]
    public void AppSettings_IncludeEverySettingTheAppNeedsInProduction_Unconditionally()
    {
        var api = Api;
        var always = api.VariableLiteral("appSettings");
        Assert.NotNull(always);
        var keys = BicepFile.Entries(always).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var missing = RequiredInProduction.Where(s => !keys.Contains(s)).ToList();
        Assert.True(missing.Count == 0, $"infra/app/api.bicep (var appSettings) does not set {string.Join(", ", missing)}");

        // Every settings object reaches the app: the appsettings resource takes their union.
        var resource = Regex.Match(api.Text, @"name:\s*'appsettings'\s*properties:\s*union\((?<vars>[^)]*)\)");
        Assert.True(resource.Success, "infra/app/api.bicep: the appsettings resource should set properties: union(<settings objects>)");
        var applied = resource.Groups["vars"].Value.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var name in SettingsVariables(api))
            Assert.True(applied.Contains(name), $"infra/app/api.bicep: var {name} is not part of the appsettings union");
    }

    [Fact]
    public void AppSettings_AreSettingsTheAppOrThePlatformReads()
    {
        var known = KnownAppSettings();
        foreach (var (setting, _) in AllAppSettings())
        {
            if (PlatformPrefixes.Any(p => setting.StartsWith(p, StringComparison.Ordinal))) continue;
            var key = string.Join("__", setting.Split("__").Take(2));
            Assert.True(known.Contains(key),
                $"infra/app/api.bicep sets {setting}, which neither local.settings.sample.json nor any options class (const Section) declares");
        }
    }

    [Fact]
    public void AppSettings_KeepProductionSafeguards()
    {
        var settings = AllAppSettings().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        string[] forbidden =
        [
            "Storage__ConnectionString", // shared keys are disabled; tables go through the identity
            "AzureWebJobsStorage", // a connection string; the host uses AzureWebJobsStorage__* with the identity
            "Twilio__ValidateSignatures", // only Development may turn it off
            "Simulator__Enabled", // signs messages with the real token for anyone who opens the page
            "ASPNETCORE_ENVIRONMENT", // Development would relax every production check
            "DOTNET_ENVIRONMENT",
            "FUNCTIONS_WORKER_RUNTIME", // Flex Consumption refuses these: functionAppConfig.runtime says it
            "FUNCTIONS_EXTENSION_VERSION",
            "WEBSITE_RUN_FROM_PACKAGE",
        ];
        foreach (var setting in forbidden)
            Assert.False(settings.Contains(setting), $"infra/app/api.bicep must not set {setting}");

        Assert.Contains(AllAppSettings(), s => s.Key == "AzureWebJobsStorage__credential" && s.Value == "'managedidentity'");
        // Twilio signs the URL it calls: the app's public https origin, from the site itself.
        Assert.Contains(AllAppSettings(), s => s.Key == "Twilio__PublicBaseUrl" && s.Value == "publicOrigin");
        Assert.Matches(new Regex(@"var\s+publicOrigin\s*=\s*'https://\$\{functionApp\.properties\.defaultHostName\}'"), Api.Text);
    }

    [Fact]
    public void SecretSettings_AreKeyVaultReferences_AndGoogleComesWholeOrNotAtAll()
    {
        var settings = AllAppSettings();
        foreach (var secret in SecretSettings)
        {
            var values = settings.Where(s => s.Key == secret).Select(s => s.Value).ToList();
            Assert.True(values.Count > 0, $"infra/app/api.bicep never sets {secret}");
            foreach (var value in values)
                Assert.True(value.StartsWith("'@Microsoft.KeyVault(", StringComparison.Ordinal), $"{secret} must be a Key Vault reference, not {value}");
        }

        // An unresolved reference is not empty, so Google must be set only when wanted, and both halves together.
        var api = Api;
        foreach (var name in SettingsVariables(api))
        {
            var keys = BicepFile.Entries(api.VariableLiteral(name)!).Select(e => e.Key).ToList();
            Assert.Equal(keys.Contains("Google__ClientId"), keys.Contains("Google__ClientSecret"));
            if (name == "appSettings") Assert.DoesNotContain(keys, k => k.StartsWith("Google__", StringComparison.Ordinal) || k.StartsWith("OpenAI__", StringComparison.Ordinal));
        }

        Assert.Matches(new Regex(@"keyVaultReferenceIdentity:\s*identityId"), api.Text);
        Assert.Matches(new Regex(@"enableRbacAuthorization:\s*true"), new BicepFile(Path.Combine(Infra, "app", "keyvault.bicep")).Text);
    }

    [Fact]
    public void EveryKeyVaultReference_NamesASecretTheReadmeTellsYouToCreate()
    {
        var referenced = AllTemplates.SelectMany(t => KeyVaultReference().Matches(t.Text)).Select(m => m.Groups["secret"].Value)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(referenced);
        var createdByTemplates = AllTemplates.SelectMany(t => TemplateSecret().Matches(t.Text)).Select(m => m.Groups["secret"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var secret in referenced)
        {
            Assert.True(readme.Any(l => l.Contains(secret, StringComparison.Ordinal)),
                $"README.md (\"Deploying to Azure\") does not mention the Key Vault secret '{secret}' that an app setting references");
            if (createdByTemplates.Contains(secret)) continue;
            Assert.True(readme.Any(l => l.Contains("az keyvault secret set", StringComparison.Ordinal) && l.Contains($"--name {secret} ", StringComparison.Ordinal)),
                $"README.md has no 'az keyvault secret set ... --name {secret} ...' command, and nothing else creates that secret");
        }
    }

    [Fact]
    public void NoSecretIsALiteral_AParameterDefault_OrAnOutput()
    {
        string[] neverInTemplates = ["AccountKey=", "listKeys(", "listSecrets(", "listConnectionStrings(", "SharedAccessSignature", "DefaultEndpointsProtocol=", ".getSecret("];
        foreach (var template in AllTemplates)
        {
            foreach (var text in neverInTemplates)
                Assert.False(template.Text.Contains(text, StringComparison.OrdinalIgnoreCase), $"{template.Name} contains {text}");

            foreach (var output in template.Outputs)
            {
                Assert.False(output.Secure, $"{template.Name}: output {output.Name} is @secure()");
                Assert.DoesNotMatch(SecretLookingName(), output.Name);
                Assert.DoesNotMatch(new Regex(@"(?i)ConnectionString|adminApiKey|InstrumentationKey|@Microsoft\.KeyVault"), output.Value);
            }

            foreach (var param in template.Params.Where(p => SecretLookingName().IsMatch(p.Name)))
            {
                Assert.True(param.Secure, $"{template.Name}: param {param.Name} looks secret but is not @secure()");
                Assert.False(param.HasDefault, $"{template.Name}: param {param.Name} looks secret but has a default value");
            }
        }
    }

    [Fact]
    public void FunctionApp_RunsOnFlexConsumption_WithTheCustomRuntime_AndTheUserAssignedIdentity()
    {
        var plan = new BicepFile(Path.Combine(Infra, "app", "plan.bicep")).Text;
        Assert.Matches(new Regex(@"name:\s*'FC1'"), plan);
        Assert.Matches(new Regex(@"tier:\s*'FlexConsumption'"), plan);
        Assert.Matches(new Regex(@"reserved:\s*true"), plan);

        var api = Api.Text;
        Assert.Contains("kind: 'functionapp,linux'", api, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"runtime:\s*\{\s*name:\s*'custom'\s*version:\s*'1\.0'\s*\}"), api);
        Assert.Matches(new Regex(@"type:\s*'UserAssigned'"), api);
        Assert.Matches(new Regex(@"type:\s*'blobContainer'"), api);
        Assert.Matches(new Regex(@"type:\s*'UserAssignedIdentity'"), api);

        var storage = new BicepFile(Path.Combine(Infra, "app", "storage.bicep")).Text;
        Assert.Matches(new Regex(@"allowSharedKeyAccess:\s*false"), storage);
    }

    [Fact]
    public void Storage_DeclaresEveryTableTheAppOpens()
    {
        var declared = new BicepFile(Path.Combine(Infra, "app", "storage.bicep")).VariableLiteral("appTables", '[');
        Assert.NotNull(declared);
        var source = Path.Combine(RepoPaths.Root, "src", "Turnos.Functions");
        var opened = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TableOpened().Matches(File.ReadAllText(f)).Select(m => m.Groups["table"].Value))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("catalog", opened);
        foreach (var table in opened)
            Assert.True(declared.Contains($"'{table}'", StringComparison.Ordinal), $"infra/app/storage.bicep (var appTables) does not declare the table '{table}'");
    }

    [Fact]
    public void Identities_HaveTheDataPlaneRolesTheyNeed()
    {
        var rbac = new BicepFile(Path.Combine(Infra, "app", "rbac.bicep")).Text;
        (string Role, string Id)[] roles =
        [
            ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"),
            ("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"),
            ("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"),
            ("Key Vault Secrets Officer", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"),
            ("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb"),
        ];
        foreach (var (role, id) in roles)
            Assert.True(rbac.Contains($"'{id}'", StringComparison.Ordinal), $"infra/app/rbac.bicep does not assign {role}");

        // The person running azd sets the secrets.
        Assert.Matches(new Regex(@"principalId:\s*userPrincipalId"), rbac);
    }

    [Fact]
    public void Outputs_GiveTheUrlsToPaste_AndTheKeyVaultName()
    {
        var outputs = Main.Outputs.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal);
        foreach (var name in new[] { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "KEY_VAULT_NAME",
                     "WHATSAPP_WEBHOOK_URL", "GOOGLE_REDIRECT_URI", "ADMIN_CONSOLE_URL" })
            Assert.True(outputs.ContainsKey(name), $"main.bicep has no output {name}");

        Assert.EndsWith($"}}{WebhookSimulator.WebhookPath}'", outputs["WHATSAPP_WEBHOOK_URL"], StringComparison.Ordinal);
        Assert.EndsWith($"}}{GoogleOptions.CallbackPath}'", outputs["GOOGLE_REDIRECT_URI"], StringComparison.Ordinal);
        Assert.EndsWith($"}}{AdminConsoleEndpoints.FunctionsRoot}/'", outputs["ADMIN_CONSOLE_URL"], StringComparison.Ordinal);
        Assert.Matches(new Regex(@"var\s+appUrl\s*=\s*'https://\$\{api\.outputs\.defaultHostName\}'"), Main.Text);
    }

    /// <summary>Every app setting in infra/app/api.bicep (all settings objects), as key and Bicep value text.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> AllAppSettings()
    {
        var api = Api;
        var settings = SettingsVariables(api).SelectMany(name => BicepFile.Entries(api.VariableLiteral(name)!)).ToList();
        Assert.NotEmpty(settings);
        return settings;
    }

    private static IEnumerable<string> SettingsVariables(BicepFile api) =>
        api.VariableNames.Where(n => n.EndsWith("Settings", StringComparison.Ordinal));

    /// <summary>Settings the app declares: local.settings.sample.json ("lists them all") and every options class's
    /// section (a <c>const string Section</c>) with its settable properties, as <c>Section__Property</c>.</summary>
    private static HashSet<string> KnownAppSettings()
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        using (var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json"))))
        {
            foreach (var value in sample.RootElement.GetProperty("Values").EnumerateObject())
                known.Add(string.Join("__", value.Name.Split("__").Take(2)));
        }

        foreach (var type in typeof(TwilioOptions).Assembly.GetTypes())
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field
                || field.GetRawConstantValue() is not string section) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
                known.Add($"{section}__{property.Name}");
        }

        return known;
    }

    private static string Yaml(string yaml, string pattern)
    {
        var match = Regex.Match(yaml, pattern, RegexOptions.Multiline);
        Assert.True(match.Success, $"azure.yaml: nothing matches {pattern}");
        return match.Groups["value"].Value;
    }

    [GeneratedRegex(@"^(\$\{[A-Z][A-Z0-9_]*(=[^}$]*)?\}|\$\(secretOrRandomPassword \$\{[A-Z][A-Z0-9_]*\} [a-z0-9-]+\))$")]
    private static partial Regex AzdSubstitution();

    [GeneratedRegex(@"@Microsoft\.KeyVault\([^)]*SecretName=(?<secret>[A-Za-z0-9-]+)[^)]*\)")]
    private static partial Regex KeyVaultReference();

    [GeneratedRegex(@"'Microsoft\.KeyVault/vaults/secrets@[^']+'\s*=\s*\{[^}]*?\bname:\s*'(?<secret>[A-Za-z0-9-]+)'")]
    private static partial Regex TemplateSecret();

    [GeneratedRegex(@"(?i)secret|password|token|apikey|api_key|connectionstring|connection_string")]
    private static partial Regex SecretLookingName();

    [GeneratedRegex(@"GetTableClient\([^)]*?""(?<table>[A-Za-z][A-Za-z0-9]*)""\s*\)")]
    private static partial Regex TableOpened();
}
