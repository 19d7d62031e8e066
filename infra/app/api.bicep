// The function app: Flex Consumption, .NET 10 isolated worker (Durable Functions on the Azure Storage provider, HTTP
// functions through ASP.NET Core integration, a timer), the user-assigned identity for everything, and the app
// settings. Secrets are Key Vault references only; their names are listed in README ("Deploying to Azure").
param name string
param location string = resourceGroup().location
param tags object = {}
param appServicePlanId string
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param keyVaultName string
param keyVaultUri string

@description('Twilio account SID: outbound WhatsApp replies use the Messages API with it.')
param twilioAccountSid string

@description('Google OAuth client id; empty leaves Google Calendar off (the app treats an empty Google:ClientId as off).')
param googleClientId string = ''
param enableOpenAI bool = false
param openAIEndpoint string = ''
param openAIModel string = ''

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@minValue(0)
param alwaysReadyInstances int = 0

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: appServicePlanId
    httpsOnly: true
    // Key Vault references in app settings are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyInstances > 0 ? [
          {
            name: 'http'
            instanceCount: alwaysReadyInstances
          }
        ] : []
      }
      // The worker runtime and its .NET version live here on Flex Consumption, not in app settings.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

var publicOrigin = 'https://${functionApp.properties.defaultHostName}'

// Settings every deployment gets. Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME and sets FUNCTIONS_EXTENSION_VERSION
// itself (functionAppConfig.runtime says both), and there is no storage connection string: shared keys are disabled.
var appSettings = {
  // Functions host storage through the identity: timer trigger locks, and Durable Functions' Azure Storage provider
  // (task hub TurnosHub: blob leases, control and work-item queues, history and instances tables). All three service
  // URIs are needed; rbac.bicep grants the matching roles.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  // .NET 10 workers on Flex Consumption crash (FunctionsNetHost SIGSEGV); no placeholder is the workaround: azure-functions-dotnet-worker#3335.
  WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED: '0'
  // Telemetry with Entra ID authentication (local auth is disabled on the component).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Any DefaultAzureCredential without explicit options picks the user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
  // The app (README "Configuration").
  Storage__TableServiceUri: storage.properties.primaryEndpoints.table
  Storage__ManagedIdentityClientId: identityClientId
  KeyVault__Uri: keyVaultUri
  Twilio__PublicBaseUrl: publicOrigin
  Twilio__AuthToken: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=twilio-auth-token)'
  Twilio__AccountSid: twilioAccountSid
  Admin__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=admin-api-key)'
}

// Only when wanted: an unresolved Key Vault reference is not empty, so it would not turn Google off.
var googleSettings = !empty(googleClientId) ? {
  Google__ClientId: googleClientId
  Google__ClientSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=google-client-secret)'
} : {}

var openAISettings = enableOpenAI ? {
  OpenAI__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=openai-api-key)'
} : {}

var openAIEndpointSettings = enableOpenAI && !empty(openAIEndpoint) ? {
  OpenAI__Endpoint: openAIEndpoint
} : {}

var openAIModelSettings = enableOpenAI && !empty(openAIModel) ? {
  OpenAI__Model: openAIModel
} : {}

resource functionAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(appSettings, googleSettings, openAISettings, openAIEndpointSettings, openAIModelSettings)
}

output name string = functionApp.name
output id string = functionApp.id
output defaultHostName string = functionApp.properties.defaultHostName
