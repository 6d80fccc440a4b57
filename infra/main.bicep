// Mergeline in one resource group: the API on Azure Functions (Flex Consumption, or with PDF a
// container image with LibreOffice on Azure Container Apps: parameter apiImage), Cosmos DB,
// Blob Storage for documents, the task pane on Azure Static Web Apps, and monitoring.
// Deploy with scripts/deploy.sh (docs/deploy.md); the Cosmos containers come from
// cosmos-containers.json, which `npm run build:infra` writes from functions/store/containers.ts.

targetScope = 'resourceGroup'

@description('Region of everything except the Static Web App.')
param location string = resourceGroup().location

@description('Prefix of resource names: lowercase letters and digits; a hash of the resource group keeps global names unique.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'mergeline'

@description('Static Web Apps run in a few regions only; the pane is served from a global edge anyway.')
@allowed([
  'westeurope'
  'westus2'
  'centralus'
  'eastus2'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Free has no SLA; Standard adds the SLA and more custom domains.')
@allowed([
  'Free'
  'Standard'
])
param staticWebAppSku string = 'Standard'

@description('Optional custom host name of the pane (e.g. mergeline.contoso.com). Create its CNAME to the Static Web App first.')
param paneCustomDomain string = ''

@description('Client id of the Entra app registration (docs/deploy.md). Empty on the very first deployment, when the pane host is not known yet.')
param clientId string = ''

@description('serverless: pay per request (default). autoscale: provisioned throughput shared by the containers.')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosThroughputMode string = 'serverless'

@description('Autoscale maximum RU/s of the database (it scales between 10% and 100% of this).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('managedIdentity: no keys anywhere (Cosmos DB and Storage data-plane RBAC). keys: the Functions get COSMOS_KEY and AZURE_STORAGE_CONNECTION_STRING.')
@allowed([
  'managedIdentity'
  'keys'
])
param dataAuth string = 'managedIdentity'

@description('Node.js major version of the Functions runtime.')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '20'

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Redundancy of the documents account; ZRS needs a region with availability zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param dataStorageSku string = 'Standard_LRS'

param tags object = {
  app: 'mergeline'
}

@description('PDF output: the Functions app as a container image with LibreOffice (infra/Dockerfile), e.g. myregistry.azurecr.io/mergeline-api:1.0. Empty: Flex Consumption from the zip package, and merges to PDF fail with "soffice could not start".')
param apiImage string = ''

@description('With apiImage: the Azure Container Registry (in this resource group) the image is pulled from, by a user-assigned identity with AcrPull.')
param apiImageRegistry string = ''

@description('With apiImage: LibreOffice processes converting to PDF at once per instance (MERGELINE_PDF_CONVERTERS); each needs about 300 MB.')
param pdfConverters int = 2

var suffix = uniqueString(resourceGroup().id)
var cosmosContainers = loadJsonContent('cosmos-containers.json')
var databaseName = 'mergeline'
var documentsContainerName = 'documents'
var deploymentContainerName = 'app-package'
var paneHost = empty(paneCustomDomain) ? staticWebApp.properties.defaultHostname : paneCustomDomain
var paneOrigins = concat(
  [
    'https://${staticWebApp.properties.defaultHostname}'
  ],
  empty(paneCustomDomain) ? [] : ['https://${paneCustomDomain}']
)

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  // Cosmos DB data-plane role: read and write items, read metadata; no container management.
  cosmosDataContributor: '00000000-0000-0000-0000-000000000002'
}

// --- Monitoring -----------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry is accepted only with an Entra token (the Functions' identity), not the key alone.
    DisableLocalAuth: true
  }
}

// --- Storage ----------------------------------------------------------------------------------

// The Functions' own account (host state and the deployment package): identity access only.
resource funcStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${namePrefix}fn${suffix}', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource funcBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: funcStorage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: funcBlobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Documents (templates, letters, merged output kept for the record): separate from the host's
// account so that its access, retention and keys follow the data, not the runtime.
resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${namePrefix}data${suffix}', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: dataStorageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: dataAuth == 'keys'
    defaultToOAuthAuthentication: true
  }
}

resource dataBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: dataStorage
  name: 'default'
  properties: {
    // A deleted or overwritten letter can be restored for two weeks.
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource documentsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: dataBlobs
  name: documentsContainerName
  properties: {
    publicAccess: 'None'
  }
}

// --- Cosmos DB ----------------------------------------------------------------------------------

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: '${namePrefix}-cosmos-${suffix}'
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: cosmosThroughputMode == 'serverless' ? [{ name: 'EnableServerless' }] : []
    minimalTlsVersion: 'Tls12'
    disableLocalAuth: dataAuth == 'managedIdentity'
    // Containers and policies change only through this template, never through a key.
    disableKeyBasedMetadataWriteAccess: true
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    // Shared throughput: one autoscale budget for all four containers.
    options: cosmosThroughputMode == 'autoscale'
      ? {
          autoscaleSettings: {
            maxThroughput: cosmosAutoscaleMaxThroughput
          }
        }
      : {}
  }
}

// Exactly the partition keys and indexing policies of functions/store/containers.ts.
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for def in cosmosContainers: {
    parent: database
    name: def.id
    properties: {
      resource: {
        id: def.id
        partitionKey: {
          paths: [
            def.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: def.indexingPolicy
      }
    }
  }
]

// --- The pane -----------------------------------------------------------------------------------

resource staticWebApp 'Microsoft.Web/staticSites@2024-04-01' = {
  name: '${namePrefix}-pane-${suffix}'
  location: staticWebAppLocation
  tags: tags
  sku: {
    name: staticWebAppSku
    tier: staticWebAppSku
  }
  properties: {
    // Content comes from scripts/deploy.sh (a deployment token), not from a linked repository.
    provider: 'None'
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

resource paneDomain 'Microsoft.Web/staticSites/customDomains@2024-04-01' = if (!empty(paneCustomDomain)) {
  parent: staticWebApp
  name: empty(paneCustomDomain) ? 'unused' : paneCustomDomain
  properties: {
    validationMethod: 'cname-delegation'
  }
}

// --- Functions ----------------------------------------------------------------------------------

var containerHosting = !empty(apiImage)

// Flex Consumption cannot install LibreOffice: with PDF the app runs its image on Azure Container
// Apps instead (Functions on Container Apps), in an environment logging to the same workspace.
resource containerEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = if (containerHosting) {
  name: '${namePrefix}-env-${suffix}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

// The image is pulled before the app's own identity exists, so a user-assigned identity with
// AcrPull pulls it.
resource imagePuller 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (containerHosting) {
  name: '${namePrefix}-pull-${suffix}'
  location: location
  tags: tags
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (containerHosting) {
  name: apiImageRegistry
}

resource imagePullerAcrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (containerHosting) {
  name: guid(resourceGroup().id, apiImageRegistry, 'acrpull', '${namePrefix}-pull-${suffix}')
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: imagePuller!.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = if (!containerHosting) {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

var baseSettings = [
  // Host storage through the app's identity: no connection string exists to leak.
  {
    name: 'AzureWebJobsStorage__accountName'
    value: funcStorage.name
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'Authorization=AAD'
  }
  {
    name: 'COSMOS_ENDPOINT'
    value: cosmos.properties.documentEndpoint
  }
  {
    name: 'COSMOS_DATABASE'
    value: databaseName
  }
  {
    name: 'AZURE_STORAGE_BLOB_ENDPOINT'
    value: dataStorage.properties.primaryEndpoints.blob
  }
  {
    name: 'BLOB_CONTAINER'
    value: documentsContainerName
  }
  {
    name: 'MERGELINE_ALLOWED_ORIGINS'
    value: join(paneOrigins, ',')
  }
  {
    name: 'MERGELINE_PDF_CONVERTERS'
    value: string(pdfConverters)
  }
]

var siteConfigCommon = {
  minTlsVersion: '1.2'
  scmMinTlsVersion: '1.2'
  ftpsState: 'Disabled'
  http20Enabled: true
  // Only the pane calls the API from a browser; no credentials (the token is a header).
  cors: {
    allowedOrigins: paneOrigins
    supportCredentials: false
  }
  appSettings: concat(baseSettings, authSettings, keySettings)
}

// v2 access tokens carry the client id as audience, v1 tokens the Application ID URI.
var authSettings = empty(clientId)
  ? []
  : [
      {
        name: 'AUTH_AUDIENCE'
        value: '${clientId},api://${paneHost}/${clientId}'
      }
    ]

// Only with dataAuth=keys, until the store signs in with the app's identity (docs/deploy.md).
var keySettings = dataAuth == 'keys'
  ? [
      {
        name: 'COSMOS_KEY'
        value: cosmos.listKeys().primaryMasterKey
      }
      {
        name: 'AZURE_STORAGE_CONNECTION_STRING'
        value: 'DefaultEndpointsProtocol=https;AccountName=${dataStorage.name};AccountKey=${dataStorage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
      }
    ]
  : []

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: '${namePrefix}-api-${suffix}'
  location: location
  tags: tags
  kind: containerHosting ? 'functionapp,linux,container,azurecontainerapps' : 'functionapp,linux'
  identity: containerHosting
    ? {
        type: 'SystemAssigned, UserAssigned'
        userAssignedIdentities: {
          '${imagePuller.id}': {}
        }
      }
    : {
        type: 'SystemAssigned'
      }
  properties: containerHosting
    ? {
        managedEnvironmentId: containerEnvironment.id
        workloadProfileName: 'Consumption'
        // LibreOffice beside the merge threads: 2 cores, 4 GiB per instance.
        resourceConfig: {
          cpu: 2
          memory: '4Gi'
        }
        httpsOnly: true
        siteConfig: union(siteConfigCommon, {
          linuxFxVersion: 'DOCKER|${apiImage}'
          acrUseManagedIdentityCreds: true
          acrUserManagedIdentityID: imagePuller!.properties.clientId
          functionAppScaleLimit: maximumInstanceCount
        })
      }
    : {
        serverFarmId: plan.id
        httpsOnly: true
        functionAppConfig: {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${funcStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
              authentication: {
                type: 'SystemAssignedIdentity'
              }
            }
          }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstanceCount
            instanceMemoryMB: instanceMemoryMB
          }
          runtime: {
            name: 'node'
            version: nodeVersion
          }
        }
        siteConfig: siteConfigCommon
      }
  dependsOn: [
    deploymentContainer
    imagePullerAcrPull
  ]
}

// --- Role assignments for the Functions' identity -------------------------------------------

resource funcStorageOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: funcStorage
  name: guid(funcStorage.id, functionApp.id, roles.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource dataStorageContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dataStorage
  name: guid(dataStorage.id, functionApp.id, roles.storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, functionApp.id, roles.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, functionApp.id, roles.cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roles.cosmosDataContributor}'
    principalId: functionApp.identity.principalId
    scope: cosmos.id
  }
}

// --- Outputs (scripts/deploy.sh reads these) -------------------------------------------------

output functionAppName string = functionApp.name
// scripts/deploy.sh publishes the zip only when this is 'flex'; a container app takes a new image.
output apiHosting string = containerHosting ? 'container' : 'flex'
output apiUrl string = 'https://${functionApp.properties.defaultHostName}/api'
output staticWebAppName string = staticWebApp.name
output paneUrl string = 'https://${paneHost}'
output paneHost string = paneHost
output applicationIdUri string = empty(clientId) ? '' : 'api://${paneHost}/${clientId}'
output cosmosEndpoint string = cosmos.properties.documentEndpoint
output cosmosContainerIds array = [for (def, i) in cosmosContainers: containers[i].name]
output documentsBlobEndpoint string = dataStorage.properties.primaryEndpoints.blob
