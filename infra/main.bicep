// Trygghetsboten in Azure: App Service (Linux, Node 22 LTS) with a user-assigned managed identity,
// Cosmos DB (serverless, Entra ID only: no account keys), Application Insights, and the Azure Bot
// registration with its Teams channel. The identity is also the bot's identity (UserAssignedMSI),
// so there is no client secret anywhere. The subscription must belong to the same Entra tenant as
// the organization's Teams: the bot is single-tenant, in the subscription's tenant.
targetScope = 'resourceGroup'

@description('Short name used in every resource name, e.g. trygghetsbot')
@minLength(3)
@maxLength(20)
param name string

@description('Azure region for everything but the bot registration (which is global)')
param location string = resourceGroup().location

@description('Entra tenant ids whose users may use the bot (comma-separated); empty: the bot\'s own tenant')
param allowedTenants string = ''

@description('Admins at first start: Entra object ids or e-mail addresses, comma-separated')
param bootstrapAdmins string = ''

@description('The Teams app\'s manifest id (the GUID npm run package writes into the package): the bot finds the app by it in the org catalog to install it for contacts')
param teamsAppId string = ''

@description('The app\'s id in the org catalog (not the manifest id), where the organization will not grant AppCatalog.Read.All; empty: looked up')
param teamsCatalogAppId string = ''

@description('Microsoft Graph\'s host root; a national cloud\'s Graph where needed. not the ARM environment's graph property, which is the retired Azure AD Graph')
param graphEndpoint string = 'https://graph.microsoft.com'

@description('App Service plan SKU')
param appServiceSku string = 'B1'

// The manifest id in appPackage/manifest.json, used when the Toolkit has not made one (TEAMS_APP_ID).
var manifestTeamsAppId = '3c6f0a52-8d1e-4b7e-9f2a-6a1d4b0c7e15'
// Web app, Cosmos DB account and bot handle are global names: a suffix from the resource group
// keeps "trygghetsbot" usable by every municipality, and the same on every redeploy.
var uniqueName = toLower('${name}-${uniqueString(resourceGroup().id, name)}')
var webName = '${uniqueName}-web'

// The names the code uses (src/store/document-store.ts, src/config.ts); a test checks they agree.
var databaseName = 'trygghetsbot'
var containers = [
  'rounds'
  'directory'
  'leases'
]
var partitionKeyPath = '/pk'
// Cosmos DB Built-in Data Contributor (data plane).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${uniqueName}-cosmos'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    capabilities: [ { name: 'EnableServerless' } ]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [ { locationName: location, failoverPriority: 0, isZoneRedundant: false } ]
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

resource containerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in containers: {
  parent: database
  name: container
  properties: {
    resource: {
      id: container
      partitionKey: { paths: [ partitionKeyPath ], kind: 'Hash', version: 2 }
    }
  }
}]

resource cosmosDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --max-old-space-size=192 dist/src/main.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: subscription().tenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'ALLOWED_TENANTS', value: empty(allowedTenants) ? subscription().tenantId : allowedTenants }
        { name: 'BOOTSTRAP_ADMINS', value: bootstrapAdmins }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: databaseName }
        { name: 'PUBLIC_URL', value: 'https://${webName}.azurewebsites.net' }
        // Graph's application permissions cannot be granted from this template: see docs, "Microsoft Graph".
        { name: 'GRAPH_ENDPOINT', value: graphEndpoint }
        { name: 'TEAMS_APP_ID', value: empty(teamsAppId) ? manifestTeamsAppId : teamsAppId }
        { name: 'TEAMS_CATALOG_APP_ID', value: teamsCatalogAppId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

// Deployments sign in with Entra ID (az webapp deploy, the Toolkit): no FTP or basic-auth publishing.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: web
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: web
  name: 'scm'
  properties: { allow: false }
}

// The bot's JSON log lines (stdout) into Log Analytics, next to Application Insights' requests.
resource webLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'console-to-log-analytics'
  scope: web
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${uniqueName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Trygghetsboten'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: subscription().tenantId
    msaAppMSIResourceId: identity.id
    developerAppInsightKey: insights.properties.InstrumentationKey
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = web.properties.defaultHostName
output WEB_APP_NAME string = web.name
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
output RESOURCE_GROUP string = resourceGroup().name
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.id
