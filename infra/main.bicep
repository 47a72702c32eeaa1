// The CSP support bot on Azure: Container Apps (the bot's image), Azure Bot with the Teams and
// Direct Line channels, Azure Database for PostgreSQL flexible server, Key Vault for secrets,
// Log Analytics + Application Insights for logs. The bot authenticates as a user-assigned
// managed identity (MicrosoftAppType=UserAssignedMSI): no app password exists to leak or rotate.
// Steps, parameters and what to check afterwards: docs/deployment.md.

targetScope = 'resourceGroup'

@description('Short prefix for resource names (letters and digits).')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Region for everything except the Azure Bot (which is global).')
param location string = resourceGroup().location

@description('The bot image, e.g. cspbotacr.azurecr.io/csp-support-bot:1a2b3c4 (az acr build).')
param containerImage string

@description('Name of the existing Azure Container Registry holding the image (same resource group).')
param registryName string

@description('The partner profile as JSON (PARTNER_PROFILE_JSON); empty uses the example profile.')
param partnerProfileJson string = ''

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'cspbotadmin'

@description('Administrator password of the PostgreSQL server (kept in Key Vault as part of DATABASE_URL).')
@secure()
@minLength(12)
param postgresAdminPassword string

@description('Azure Bot Service Direct Line secret, after the first deployment (see docs/deployment.md); empty keeps the built-in Direct Line.')
@secure()
param directLineSecret string = ''

@description('Who receives tickets (at least one is required: the bot refuses to start without): Entra object ids of agent admins, comma-separated (AGENT_ADMIN_AAD_OBJECT_IDS).')
param agentAdminIds string = ''

@description('Who receives tickets: the agents\' Teams channel id, 19:…@thread.tacv2 (AGENTS_CHANNEL_ID); empty: the channel where the app is installed in the agents\' team.')
param agentsChannelId string = ''

@description('Who receives tickets: https URLs of the partner\'s PSA/ITSM, comma-separated (WEBHOOK_URLS).')
param webhookUrls string = ''

@description('Shared HMAC secret for the webhooks, at least 16 characters (kept in Key Vault as WEBHOOK_SECRET); required with webhookUrls.')
@secure()
param webhookSecret string = ''

@description('Start although no ticket reaches anyone (ALLOW_NO_TICKET_RECEIVER); only if tickets are handled some other way.')
param allowNoTicketReceiver bool = false

@description('Replicas: keep 1 while the built-in Direct Line or SQLite is in use; more once DATABASE_URL and Azure Direct Line are.')
@minValue(1)
@maxValue(10)
param maxReplicas int = 1

@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('pino log level.')
@allowed(['fatal', 'error', 'warn', 'info', 'debug'])
param logLevel string = 'info'

var suffix = uniqueString(resourceGroup().id, namePrefix)
var names = {
  identity: '${namePrefix}-id'
  logs: '${namePrefix}-logs'
  insights: '${namePrefix}-insights'
  environment: '${namePrefix}-env'
  app: '${namePrefix}-bot'
  bot: '${namePrefix}-bot-${suffix}'
  vault: take('${namePrefix}kv${suffix}', 24)
  postgres: '${namePrefix}-pg-${suffix}'
}
var databaseName = 'csp_bot'
var port = 3978
// Built-in role definitions.
var roles = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, roles.acrPull)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
  }
}

// --- Logs: the bot writes JSON lines to stdout; Container Apps ships them to this workspace,
// which Application Insights (workspace-based) shares.
resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: names.logs
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// --- Database.
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: names.postgres
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Public access limited to Azure services (Container Apps' outbound addresses are not fixed on the
// consumption plan); for a private network see docs/deployment.md, "Hardening".
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// --- Secrets: the container app reads them from Key Vault with its identity.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
  }
}

resource directLine 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(directLineSecret)) {
  parent: vault
  name: 'direct-line-secret'
  properties: {
    value: directLineSecret
  }
}

resource webhookSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookSecret)) {
  parent: vault
  name: 'webhook-secret'
  properties: {
    value: webhookSecret
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

// --- The bot.
resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: names.environment
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var keyVaultSecrets = concat(
  [
    {
      name: 'database-url'
      keyVaultUrl: databaseUrl.properties.secretUri
      identity: identity.id
    }
  ],
  empty(directLineSecret)
    ? []
    : [
        {
          name: 'direct-line-secret'
          keyVaultUrl: directLine.properties.secretUri
          identity: identity.id
        }
      ],
  empty(webhookSecret)
    ? []
    : [
        {
          name: 'webhook-secret'
          keyVaultUrl: webhookSecretValue.properties.secretUri
          identity: identity.id
        }
      ]
)

var plainEnv = [
  { name: 'PORT', value: string(port) }
  { name: 'LOG_LEVEL', value: logLevel }
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identity.properties.clientId }
  { name: 'MicrosoftAppTenantId', value: subscription().tenantId }
  // Container Apps' ingress adds one X-Forwarded-For entry: the client address for rate limits.
  { name: 'TRUSTED_PROXY_HOPS', value: '1' }
  { name: 'SHUTDOWN_TIMEOUT_MS', value: '20000' }
  { name: 'DATABASE_URL', secretRef: 'database-url' }
  // OpenTelemetry traces and metrics (requests, turns, database, outbox, outbound calls) go to
  // this Application Insights; the JSON log lines carry the same trace ids (operation ids).
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
]
var optionalEnv = concat(
  empty(partnerProfileJson) ? [] : [{ name: 'PARTNER_PROFILE_JSON', value: partnerProfileJson }],
  empty(directLineSecret) ? [] : [{ name: 'DIRECT_LINE_SECRET', secretRef: 'direct-line-secret' }],
  // Ticket receivers: the bot refuses to start in production without one (or the override).
  empty(agentAdminIds) ? [] : [{ name: 'AGENT_ADMIN_AAD_OBJECT_IDS', value: agentAdminIds }],
  empty(agentsChannelId) ? [] : [{ name: 'AGENTS_CHANNEL_ID', value: agentsChannelId }],
  empty(webhookUrls) ? [] : [{ name: 'WEBHOOK_URLS', value: webhookUrls }],
  empty(webhookSecret) ? [] : [{ name: 'WEBHOOK_SECRET', secretRef: 'webhook-secret' }],
  allowNoTicketReceiver ? [{ name: 'ALLOW_NO_TICKET_RECEIVER', value: 'true' }] : []
)

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: names.app
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'http'
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identity.id
        }
      ]
      secrets: keyVaultSecrets
    }
    template: {
      terminationGracePeriodSeconds: 30
      containers: [
        {
          name: 'bot'
          image: containerImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(plainEnv, optionalEnv)
          probes: [
            {
              type: 'Startup'
              httpGet: { path: '/healthz', port: port }
              periodSeconds: 5
              failureThreshold: 24
            }
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: port }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: port }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: { metadata: { concurrentRequests: '50' } }
          }
        ]
      }
    }
  }
  dependsOn: [
    acrPull
    secretsUser
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: namePrefix
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: subscription().tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Web Chat page'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

@description('Public host of the bot: BOT_DOMAIN for npm run teams:package, and the Web Chat page at https://HOST/.')
output botHost string = app.properties.configuration.ingress.fqdn
@description('MicrosoftAppId of the bot (the managed identity client id): also the Teams app package bot id.')
output botAppId string = identity.properties.clientId
output botResourceName string = bot.name
output keyVaultName string = vault.name
output logAnalyticsWorkspaceId string = logs.properties.customerId
