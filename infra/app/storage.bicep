// One storage account for the Functions host (AzureWebJobsStorage: deployment package, timer locks, and the Durable
// Functions task hub's blobs, queues and tables, which the extension creates itself) and for the app's tables.
// Shared keys are disabled: everything goes through the app's managed identity.
param name string
param location string = resourceGroup().location
param tags object = {}
param deploymentContainerName string

// The tables the app uses (Storage:TablePrefix stays empty in Azure). The app also creates them at start if missing.
var appTables = [
  'catalog'
  'appointments'
  'schedule'
  'conversations'
  'messages'
  'widgetlimits'
  'calendar'
  'outbox'
  'dataprotection'
  'apikeys'
  'leases'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Flex Consumption reads the deployment package from this container.
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in appTables: {
  parent: tableService
  name: table
}]

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
