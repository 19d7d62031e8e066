targetScope = 'subscription'

// Turnos on Azure Functions Flex Consumption (.NET 10 isolated worker with Durable Functions), provisioned by `azd up`.
// Shape follows Microsoft's azd Functions quickstarts: subscription scope, one resource group, a resource token,
// a user-assigned identity that reaches storage, Key Vault and Application Insights without keys.

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used in the resource group name and to derive a short unique token.')
param environmentName string

@minLength(1)
@description('Primary location for all resources. Must offer Flex Consumption.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person (or pipeline) running azd. Gets Key Vault Secrets Officer to set the secrets, and table access to inspect data. Leave empty to skip.')
param principalId string = ''

@description('Kind of principalId: User for a person, ServicePrincipal for a pipeline identity.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@secure()
@description('The first platform key (Admin:ApiKey), stored in Key Vault as admin-api-key. azd passes the value already in the vault, or a random one on the first run.')
param adminApiKey string

@description('Twilio account SID (AC…), not a secret: the WhatsApp replies go out through the Messages API with it and the auth token in Key Vault (azd env set TWILIO_ACCOUNT_SID AC...).')
param twilioAccountSid string

@description('OAuth client id of the Google "Web application" client. Empty leaves Google Calendar off; set it (azd env set GOOGLE_CLIENT_ID ...) after storing google-client-secret in Key Vault.')
param googleClientId string = ''

@description('Understand messages with a language model as well as the rules. Store openai-api-key in Key Vault first.')
param enableOpenAI bool = false

@description('OpenAI:Endpoint, for Azure OpenAI or a compatible endpoint. Empty is OpenAI.')
param openAIEndpoint string = ''

@description('OpenAI:Model (or the Azure OpenAI deployment name). Empty keeps the app default.')
param openAIModel string = ''

@description('Flex Consumption instance memory (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Flex Consumption scale-out limit (40 is the lowest the plan allows).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for HTTP (0 = pay only per use; 1 removes most cold starts before Twilio\'s 15 s limit, at a monthly cost).')
@minValue(0)
@maxValue(5)
param alwaysReadyInstances int = 0

param resourceGroupName string = ''
param functionAppName string = ''
param identityName string = ''
param storageAccountName string = ''
param keyVaultName string = ''
param logAnalyticsName string = ''
param applicationInsightsName string = ''
param appServicePlanName string = ''

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var appName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}turnos-${resourceToken}'
var vaultName = !empty(keyVaultName) ? keyVaultName : '${abbrs.keyVaultVaults}${resourceToken}'
var deploymentStorageContainerName = 'app-package-${take(appName, 32)}-${take(toLower(uniqueString(appName, resourceToken)), 7)}'

// Organize resources in a resource group
resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

// The app's identity: AzureWebJobsStorage (with the Durable task hub), the app's tables, Key Vault (references and
// refresh tokens), telemetry.
module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: !empty(identityName) ? identityName : '${abbrs.managedIdentityUserAssignedIdentities}turnos-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

// Host storage (deployment package, timer locks, the Durable Functions task hub) and the app's tables, shared keys disabled.
module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentStorageContainerName
  }
}

// Secrets (Twilio, Google, OpenAI, the admin key) and the businesses' Google refresh tokens.
module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: vaultName
    location: location
    tags: tags
    adminApiKey: adminApiKey
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    managedIdentityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module appServicePlan 'app/plan.bicep' = {
  name: 'plan'
  scope: rg
  params: {
    name: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: appName
    location: location
    tags: tags
    appServicePlanId: appServicePlan.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentStorageContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    keyVaultUri: keyVault.outputs.uri
    twilioAccountSid: twilioAccountSid
    googleClientId: googleClientId
    enableOpenAI: enableOpenAI
    openAIEndpoint: openAIEndpoint
    openAIModel: openAIModel
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstances: alwaysReadyInstances
  }
  // The identity holds its roles before the app first reads storage or resolves Key Vault references.
  dependsOn: [
    rbac
  ]
}

var appUrl = 'https://${api.outputs.defaultHostName}'

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

// What an operator pastes elsewhere: Twilio's "A message comes in" webhook, Google's redirect URI, the console.
output TURNOS_URL string = appUrl
output WHATSAPP_WEBHOOK_URL string = '${appUrl}/api/whatsapp'
output GOOGLE_REDIRECT_URI string = '${appUrl}/api/oauth/google/callback'
output ADMIN_CONSOLE_URL string = '${appUrl}/api/console/'
