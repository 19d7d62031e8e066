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
/// What can be checked about <c>azd up</c> without a Bicep compiler or an Azure subscription: azure.yaml hands the
/// project to azd's own .NET packaging, the app runs on Flex Consumption's .NET isolated runtime, the templates hang
/// together (modules, parameters), the app gets every setting it needs in production and only settings it knows,
/// Durable Functions reaches its storage through the identity with the roles it needs, secrets only arrive as Key
/// Vault references that README tells the operator to create, and nothing secret is a literal, a parameter value or
/// an output.
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
    /// <item>the Functions host and Durable Functions (its Azure Storage provider uses the same connection: blobs,
    /// queues and tables): identity-based AzureWebJobsStorage, and Application Insights.</item>
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
    public void AzureYaml_DeploysTheFunctionsProject_AsADotnetFunctionApp_WithAzdsOwnPackaging()
    {
        var yaml = AzureYaml();

        var service = Yaml(yaml, @"^services:\s*\n\s+(?<value>[A-Za-z0-9-]+):\s*$");
        var project = Yaml(yaml, @"^\s+project:\s*(?<value>\S+)\s*$");
        Assert.Equal("./src/Turnos.Functions", project);
        var projectFolder = Path.GetFullPath(Path.Combine(RepoPaths.Root, project));
        Assert.True(Directory.Exists(projectFolder), $"azure.yaml: project '{project}' is not a folder");
        var projects = Directory.GetFiles(projectFolder, "*.csproj");
        Assert.True(projects.Length == 1, $"azure.yaml: project '{project}' should hold exactly one .csproj");
        Assert.Equal("function", Yaml(yaml, @"^\s+host:\s*(?<value>\S+)\s*$"));
        Assert.Equal("dotnet", Yaml(yaml, @"^\s+language:\s*(?<value>\S+)\s*$"));

        // azd publishes a dotnet service itself (dotnet publish, zip, deploy): no packaging hook, no prebuilt zip.
        Assert.DoesNotMatch(new Regex(@"^\s*hooks:", RegexOptions.Multiline), yaml);
        Assert.DoesNotMatch(new Regex(@"^\s*(pre|post)package:", RegexOptions.Multiline), yaml);
        Assert.DoesNotMatch(new Regex(@"^\s*dist:", RegexOptions.Multiline), yaml);

        // What azd publishes is an isolated worker app: the project references the worker and its SDK build.
        var csproj = File.ReadAllText(projects[0]);
        Assert.Contains("Include=\"Microsoft.Azure.Functions.Worker\"", csproj, StringComparison.Ordinal);

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
    public void FunctionApp_RunsOnFlexConsumption_WithTheDotnetIsolatedRuntime_AndTheUserAssignedIdentity()
    {
        var plan = new BicepFile(Path.Combine(Infra, "app", "plan.bicep")).Text;
        Assert.Matches(new Regex(@"name:\s*'FC1'"), plan);
        Assert.Matches(new Regex(@"tier:\s*'FlexConsumption'"), plan);
        Assert.Matches(new Regex(@"reserved:\s*true"), plan);

        var api = Api.Text;
        Assert.Contains("kind: 'functionapp,linux'", api, StringComparison.Ordinal);
        var runtime = Regex.Match(api, @"runtime:\s*\{\s*name:\s*'(?<name>[^']*)'\s*version:\s*'(?<version>[^']*)'\s*\}");
        Assert.True(runtime.Success, "infra/app/api.bicep: functionAppConfig has no runtime { name: '...' version: '...' }");
        Assert.Equal("dotnet-isolated", runtime.Groups["name"].Value);
        Assert.Equal("10.0", runtime.Groups["version"].Value);
        // The runtime's .NET is the one the app is built for.
        var targetFramework = Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props")), @"<TargetFramework>net(?<version>[0-9.]+)</TargetFramework>");
        Assert.True(targetFramework.Success, "Directory.Build.props has no <TargetFramework>netX.Y</TargetFramework>");
        Assert.Equal(targetFramework.Groups["version"].Value, runtime.Groups["version"].Value);

        Assert.Matches(new Regex(@"type:\s*'UserAssigned'"), api);
        Assert.Matches(new Regex(@"type:\s*'blobContainer'"), api);
        Assert.Matches(new Regex(@"type:\s*'UserAssignedIdentity'"), api);

        var storage = new BicepFile(Path.Combine(Infra, "app", "storage.bicep")).Text;
        Assert.Matches(new Regex(@"allowSharedKeyAccess:\s*false"), storage);
    }

    [Fact]
    public void NothingDeploysTheCustomHandlerAnyMore()
    {
        foreach (var template in AllTemplates)
        {
            Assert.DoesNotMatch(new Regex(@"name:\s*'custom'"), template.Text);
            Assert.DoesNotMatch(new Regex(@"(?i)customHandler|FUNCTIONS_CUSTOMHANDLER_PORT"), template.Text);
        }

        Assert.DoesNotMatch(new Regex(@"^\s+language:\s*custom\s*$", RegexOptions.Multiline), AzureYaml());
        Assert.False(File.Exists(Path.Combine(RepoPaths.Root, "scripts", "package-functions.sh")),
            "scripts/package-functions.sh packed the custom handler; azd packs the isolated worker itself");
    }

    [Fact]
    public void DurableFunctions_ReachesItsStorage_ThroughTheIdentity()
    {
        // The Azure Storage provider uses host.json's durableTask storageProvider connection, AzureWebJobsStorage
        // unless named otherwise; the task hub needs blobs (leases), queues (control, work items) and tables
        // (history, instances) under that connection.
        var connection = DurableConnectionName();
        var settings = BicepFile.Entries(Api.VariableLiteral("appSettings")!).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        Assert.False(settings.ContainsKey(connection), $"infra/app/api.bicep sets {connection} itself: a connection string, not the identity");
        Assert.Equal("'managedidentity'", settings.GetValueOrDefault($"{connection}__credential"));
        Assert.Equal("identityClientId", settings.GetValueOrDefault($"{connection}__clientId"));
        foreach (var service in new[] { "blob", "queue", "table" })
            Assert.Equal($"storage.properties.primaryEndpoints.{service}", settings.GetValueOrDefault($"{connection}__{service}ServiceUri"));
    }

    [Fact]
    public void PlaceholderWorkaround_ForDotnet10OnFlex_IsSet_AndExplained()
    {
        // azure-functions-dotnet-worker#3335: .NET 10 workers on Flex Consumption crash (FunctionsNetHost exits with
        // SIGSEGV); starting without the placeholder is the reported workaround. Unconditional, and its comment names
        // the issue so the setting can go once the issue is fixed.
        var settings = BicepFile.Entries(Api.VariableLiteral("appSettings")!).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        Assert.Equal("'0'", settings.GetValueOrDefault("WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED"));

        var raw = File.ReadAllLines(Path.Combine(Infra, "app", "api.bicep"));
        var line = Array.FindIndex(raw, l => l.TrimStart().StartsWith("WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED:", StringComparison.Ordinal));
        Assert.True(line > 0 && raw[line - 1].TrimStart().StartsWith("//", StringComparison.Ordinal) && raw[line - 1].Contains("3335", StringComparison.Ordinal),
            "infra/app/api.bicep: the line above WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED should be a comment citing issue 3335");

        Assert.Contains(File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")),
            l => l.Contains("WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED", StringComparison.Ordinal));
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
        var rbac = new BicepFile(Path.Combine(Infra, "app", "rbac.bicep"));
        const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
        const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
        const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
        const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
        const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

        var app = RoleAssignments(rbac, "managedIdentityPrincipalId");
        // Always, not behind a condition: the host, Durable Functions and the app cannot start without them.
        (string Role, string Id, string Scope)[] appRoles =
        [
            // The Functions host's identity-based AzureWebJobsStorage (deployment package, timer locks) and Durable's
            // blob leases and large messages (Durable's docs ask for Blob Data Contributor, which Owner includes).
            ("Storage Blob Data Owner", StorageBlobDataOwner, "storage"),
            // Durable's control queues and work-item queue.
            ("Storage Queue Data Contributor", StorageQueueDataContributor, "storage"),
            // Durable's History and Instances tables, and the app's own tables.
            ("Storage Table Data Contributor", StorageTableDataContributor, "storage"),
            ("Key Vault Secrets Officer", KeyVaultSecretsOfficer, "vault"),
            ("Monitoring Metrics Publisher", MonitoringMetricsPublisher, "applicationInsights"),
        ];
        foreach (var (role, id, scope) in appRoles)
            Assert.True(app.Any(a => a.RoleId == id && a.Scope == scope && a.Condition is null),
                $"infra/app/rbac.bicep does not give the app's identity {role} on {scope} unconditionally");

        // The person running azd sets the secrets.
        Assert.Contains(RoleAssignments(rbac, "userPrincipalId"), a => a.RoleId == KeyVaultSecretsOfficer && a.Scope == "vault");

        // Those roles go to the identity the app runs as, and the app waits for them.
        var main = Main;
        Assert.Contains(main.ModuleParams("rbac"), e => e.Key == "managedIdentityPrincipalId" && e.Value == "identity.outputs.principalId");
        Assert.Contains(main.ModuleParams("api"), e => e.Key == "identityId" && e.Value == "identity.outputs.id");
        Assert.Contains(main.ModuleParams("api"), e => e.Key == "identityClientId" && e.Value == "identity.outputs.clientId");
        var api = Regex.Match(main.Text, @"^module\s+api\s+'[^']+'\s*=\s*\{", RegexOptions.Multiline);
        Assert.True(api.Success, "main.bicep has no module api");
        Assert.Matches(new Regex(@"dependsOn:\s*\[[^\]]*\brbac\b"), BicepFile.Bracketed(main.Text, api.Index + api.Length - 1));
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
        Assert.EndsWith($"}}{AdminConsoleHandlers.FunctionsRoot}/'", outputs["ADMIN_CONSOLE_URL"], StringComparison.Ordinal);
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

    /// <summary>The role assignments in <paramref name="rbac"/> whose principalId is <paramref name="principal"/>:
    /// role definition id (through its var), scope and condition.</summary>
    private static List<(string RoleId, string? Scope, string? Condition)> RoleAssignments(BicepFile rbac, string principal)
    {
        var assignments = new List<(string, string?, string?)>();
        foreach (var resource in rbac.Resources.Where(r => r.Type.StartsWith("Microsoft.Authorization/roleAssignments@", StringComparison.Ordinal)))
        {
            if (resource.InnerProperty("principalId") != principal) continue;
            var definition = Regex.Match(resource.InnerProperty("roleDefinitionId") ?? "",
                @"^subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions',\s*(?<var>\w+)\)$");
            Assert.True(definition.Success, $"infra/app/rbac.bicep: {resource.Name} should name its role as subscriptionResourceId('Microsoft.Authorization/roleDefinitions', <var>)");
            var roleId = rbac.VariableString(definition.Groups["var"].Value);
            Assert.True(roleId is not null, $"infra/app/rbac.bicep: var {definition.Groups["var"].Value} is not a role id literal");
            assignments.Add((roleId!, resource.Property("scope"), resource.Condition));
        }

        Assert.NotEmpty(assignments);
        return assignments;
    }

    /// <summary>The connection Durable Functions' Azure Storage provider uses: host.json's
    /// extensions.durableTask.storageProvider.connectionName (or the older connectionStringName), else AzureWebJobsStorage.</summary>
    private static string DurableConnectionName()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")), options);
        if (host.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("durableTask", out var durable)
            && durable.TryGetProperty("storageProvider", out var provider))
        {
            foreach (var key in new[] { "connectionName", "connectionStringName" })
                if (provider.TryGetProperty(key, out var name) && name.GetString() is { Length: > 0 } value) return value;
        }

        return "AzureWebJobsStorage";
    }

    private static string AzureYaml() =>
        string.Join("\n", File.ReadAllLines(Path.Combine(RepoPaths.Root, "azure.yaml")).Where(l => !l.TrimStart().StartsWith('#')));

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
