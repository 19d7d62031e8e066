// Key Vault with RBAC authorization (no access policies). Holds the app's secrets, referenced from app settings
// with @Microsoft.KeyVault(...), and one secret per business for Google refresh tokens, written by the app.
param name string
param location string = resourceGroup().location
param tags object = {}

@secure()
@description('Value for admin-api-key (Admin:ApiKey).')
param adminApiKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

// Admin:ApiKey must be at least 16 characters; azd's random passwords have 15, so a first-run value is prefixed.
// Later runs pass the stored value (>= 16 characters, also when an operator replaced it), which is kept as is.
resource adminApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'admin-api-key'
  properties: {
    value: length(adminApiKey) >= 16 ? adminApiKey : 'tn-admin-${adminApiKey}'
    contentType: 'Turnos Admin:ApiKey'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
